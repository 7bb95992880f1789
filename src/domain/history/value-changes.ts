import type { BenefitMeasure } from '../model/benefit';
import type { ValueDecisionChoice } from '../model/value-decision';
import type { BenefitRecord, EpicValueRecord, MonthlyAmountRecord } from '../model/portfolio-record';
import { toDecimalAmount, toMinorUnits, minorUnits, type CurrencyExponent } from '../money/minor-units';

/**
 * One line of an epic's history: what changed, in terms a team member recognises. Money is a
 * decimal amount in the site currency; the UI formats it.
 */
export type ValueChange =
  | { kind: 'benefit_added'; benefit: string; benefitKind: BenefitRecord['kind'] }
  | { kind: 'benefit_removed'; benefit: string }
  | { kind: 'benefit_renamed'; benefit: string; before: string }
  | { kind: 'benefit_kind'; benefit: string; before: BenefitRecord['kind']; after: BenefitRecord['kind'] }
  | { kind: 'benefit_planned'; benefit: string; before: number; after: number }
  | { kind: 'benefit_realised'; benefit: string; before: number; after: number }
  | { kind: 'evidence'; benefit: string }
  /** Owners are account ids (null: none); the UI names them. */
  | { kind: 'benefit_owner'; benefit: string; before: string | null; after: string | null }
  | { kind: 'benefit_measure'; benefit: string; before: BenefitMeasure | null; after: BenefitMeasure | null }
  | { kind: 'cost_planned'; before: number; after: number }
  | { kind: 'cost_actual'; before: number; after: number }
  | { kind: 'success_probability'; before: number; after: number }
  | { kind: 'objective_linked'; objectiveId: string; share: number }
  | { kind: 'objective_unlinked'; objectiveId: string }
  | { kind: 'objective_share'; objectiveId: string; before: number; after: number }
  | { kind: 'nps'; before: EpicValueRecord['nps']; after: EpicValueRecord['nps'] }
  | { kind: 'baseline_approved'; version: number; reason: string | null }
  /** Three-point estimates or the cost-overrun range changed (issue #17). */
  | { kind: 'ranges' }
  /** A value planning scenario's decision was applied (issue #16); the entry says who and when. */
  | { kind: 'decision_applied'; choice: ValueDecisionChoice; scenario: string };

function totalOf(entries: readonly MonthlyAmountRecord[], currencyExponent: CurrencyExponent): number {
  const minor = entries.reduce(
    (sum, entry) => sum + toMinorUnits({ amount: entry.amount, currencyExponent }),
    0,
  );
  return toDecimalAmount({ amount: minorUnits(minor), currencyExponent });
}

function sameEntries(a: readonly MonthlyAmountRecord[], b: readonly MonthlyAmountRecord[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function benefitChanges(
  before: BenefitRecord,
  after: BenefitRecord,
  currencyExponent: CurrencyExponent,
): ValueChange[] {
  const changes: ValueChange[] = [];
  const name = after.title;
  if (before.title !== after.title)
    changes.push({ kind: 'benefit_renamed', benefit: name, before: before.title });
  if (before.kind !== after.kind) {
    changes.push({ kind: 'benefit_kind', benefit: name, before: before.kind, after: after.kind });
  }
  const planned = [
    totalOf(before.planned, currencyExponent),
    totalOf(after.planned, currencyExponent),
  ] as const;
  if (!sameEntries(before.planned, after.planned)) {
    changes.push({ kind: 'benefit_planned', benefit: name, before: planned[0], after: planned[1] });
  }
  const realised = [
    totalOf(before.realised, currencyExponent),
    totalOf(after.realised, currencyExponent),
  ] as const;
  if (realised[0] !== realised[1] || before.realised.length !== after.realised.length) {
    changes.push({ kind: 'benefit_realised', benefit: name, before: realised[0], after: realised[1] });
  } else if (!sameEntries(before.realised, after.realised)) {
    changes.push({ kind: 'evidence', benefit: name });
  }
  if (before.owner !== after.owner)
    changes.push({
      kind: 'benefit_owner',
      benefit: name,
      before: before.owner ?? null,
      after: after.owner ?? null,
    });
  if (JSON.stringify(before.measure) !== JSON.stringify(after.measure)) {
    changes.push({
      kind: 'benefit_measure',
      benefit: name,
      before: before.measure ?? null,
      after: after.measure ?? null,
    });
  }
  return changes;
}

/**
 * The differences between two versions of an epic's value record, benefit by benefit (matched
 * by id), then costs, probability, objectives and NPS. `before` is null for the first save.
 */
export function valueChanges({
  before,
  after,
  currencyExponent,
}: {
  before: EpicValueRecord | null;
  after: EpicValueRecord;
  currencyExponent: CurrencyExponent;
}): ValueChange[] {
  const previous: EpicValueRecord = before ?? {
    successProbability: 1,
    objectives: [],
    benefits: [],
    costs: { planned: [], actual: [] },
    nps: null,
  };
  const changes: ValueChange[] = [];
  const previousBenefits = new Map(previous.benefits.map((benefit) => [benefit.id, benefit]));
  for (const benefit of after.benefits) {
    const old = previousBenefits.get(benefit.id);
    if (old === undefined) {
      changes.push({ kind: 'benefit_added', benefit: benefit.title, benefitKind: benefit.kind });
      const { owner: _owner, measure: _measure, ...profileless } = benefit;
      const emptied = { ...profileless, planned: [], realised: [] };
      changes.push(...benefitChanges(emptied, benefit, currencyExponent));
    } else {
      changes.push(...benefitChanges(old, benefit, currencyExponent));
    }
    previousBenefits.delete(benefit.id);
  }
  for (const removed of previousBenefits.values())
    changes.push({ kind: 'benefit_removed', benefit: removed.title });

  const costs = (pick: 'planned' | 'actual') =>
    [totalOf(previous.costs[pick], currencyExponent), totalOf(after.costs[pick], currencyExponent)] as const;
  if (!sameEntries(previous.costs.planned, after.costs.planned)) {
    const [was, now] = costs('planned');
    changes.push({ kind: 'cost_planned', before: was, after: now });
  }
  if (!sameEntries(previous.costs.actual, after.costs.actual)) {
    const [was, now] = costs('actual');
    changes.push({ kind: 'cost_actual', before: was, after: now });
  }
  if (previous.successProbability !== after.successProbability) {
    changes.push({
      kind: 'success_probability',
      before: previous.successProbability,
      after: after.successProbability,
    });
  }

  const previousShares = new Map(previous.objectives.map((link) => [link.id, link.share]));
  for (const link of after.objectives) {
    const share = previousShares.get(link.id);
    if (share === undefined)
      changes.push({ kind: 'objective_linked', objectiveId: link.id, share: link.share });
    else if (share !== link.share) {
      changes.push({ kind: 'objective_share', objectiveId: link.id, before: share, after: link.share });
    }
    previousShares.delete(link.id);
  }
  for (const objectiveId of previousShares.keys()) changes.push({ kind: 'objective_unlinked', objectiveId });

  if (JSON.stringify(previous.nps) !== JSON.stringify(after.nps)) {
    changes.push({ kind: 'nps', before: previous.nps, after: after.nps });
  }
  // A baseline only ever changes by an approval, which files a new version.
  if (after.baseline !== undefined && after.baseline.version !== previous.baseline?.version) {
    changes.push({
      kind: 'baseline_approved',
      version: after.baseline.version,
      reason: after.baseline.reason ?? null,
    });
  }
  if (JSON.stringify(previous.ranges) !== JSON.stringify(after.ranges)) changes.push({ kind: 'ranges' });
  // A decision only ever changes by applying a scenario, which stamps a new instant.
  if (after.decision !== undefined && JSON.stringify(after.decision) !== JSON.stringify(previous.decision)) {
    changes.push({
      kind: 'decision_applied',
      choice: after.decision.choice,
      scenario: after.decision.scenario,
    });
  }
  return changes;
}
