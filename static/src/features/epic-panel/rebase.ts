import { comparable, type BenefitDraft, type Draft } from './draft';

export interface Rebased {
  draft: Draft;
  /** What both sides changed differently, where the user's edit was kept (one phrase each). */
  overlaps: string[];
}

const same = (a: unknown, b: unknown) => comparable(a) === comparable(b);

/**
 * Re-applies the user's edits (`mine`, made on `base`) to the version someone else saved
 * (`theirs`): whatever the user changed wins, everything else is theirs. Benefits are matched by
 * id and merged field by field, objective links by objective id, other parts as a whole.
 */
export function rebase({ base, mine, theirs }: { base: Draft; mine: Draft; theirs: Draft }): Rebased {
  const overlaps: string[] = [];
  function pick<T>(b: T, m: T, t: T, what: string): T {
    if (same(m, b)) return t;
    if (!same(t, b) && !same(t, m)) overlaps.push(what);
    return m;
  }

  const benefits: BenefitDraft[] = [];
  const baseBenefits = new Map(base.benefits.map((benefit) => [benefit.id, benefit]));
  const myBenefits = new Map(mine.benefits.map((benefit) => [benefit.id, benefit]));
  const theirIds = new Set(theirs.benefits.map((benefit) => benefit.id));
  for (const their of theirs.benefits) {
    const was = baseBenefits.get(their.id);
    const my = myBenefits.get(their.id);
    if (was === undefined) {
      benefits.push(their);
    } else if (my === undefined) {
      if (!same(their, was)) overlaps.push(`benefit "${their.title}" (you removed it; they changed it)`);
    } else {
      const name = my.title || their.title;
      benefits.push({
        id: their.id,
        title: pick(was.title, my.title, their.title, `title of benefit "${name}"`),
        kind: pick(was.kind, my.kind, their.kind, `kind of benefit "${name}"`),
        owner: pick(was.owner, my.owner, their.owner, `owner of benefit "${name}"`),
        measure: pick(was.measure, my.measure, their.measure, `measure of benefit "${name}"`),
        range: pick(was.range, my.range, their.range, `range of benefit "${name}"`),
        planned: pick(was.planned, my.planned, their.planned, `planned amounts of "${name}"`),
        realised: pick(was.realised, my.realised, their.realised, `realised amounts of "${name}"`),
      });
    }
  }
  for (const my of mine.benefits) {
    if (theirIds.has(my.id)) continue;
    const was = baseBenefits.get(my.id);
    if (was === undefined) benefits.push(my);
    else if (!same(my, was)) {
      overlaps.push(`benefit "${my.title}" (they removed it; you changed it)`);
      benefits.push(my);
    }
  }

  const shares = (draft: Draft) => new Map(draft.objectives.map((link) => [link.id, link.share]));
  const [baseShares, myShares, theirShares] = [shares(base), shares(mine), shares(theirs)];
  const objectiveIds = [...new Set([...theirShares.keys(), ...myShares.keys()])];
  const objectives = objectiveIds.flatMap((id) => {
    const share = pick(baseShares.get(id), myShares.get(id), theirShares.get(id), `share of objective ${id}`);
    return share === undefined ? [] : [{ id, share }];
  });

  return {
    draft: {
      successProbability: pick(
        base.successProbability,
        mine.successProbability,
        theirs.successProbability,
        'success probability',
      ),
      objectives,
      benefits,
      costs: {
        planned: pick(base.costs.planned, mine.costs.planned, theirs.costs.planned, 'planned costs'),
        actual: pick(base.costs.actual, mine.costs.actual, theirs.costs.actual, 'actual costs'),
      },
      costOverrun: pick(base.costOverrun, mine.costOverrun, theirs.costOverrun, 'cost overrun range'),
      nps: pick(base.nps, mine.nps, theirs.nps, 'NPS survey'),
    },
    overlaps,
  };
}
