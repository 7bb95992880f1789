import { toDraft, type Draft } from '../../../static/src/features/epic-panel/draft';
import { rebase } from '../../../static/src/features/epic-panel/rebase';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { EMPTY_VALUE } from './panel-fixtures';

const base: EpicValueDocument = {
  ...EMPTY_VALUE,
  successProbability: 0.8,
  objectives: [{ id: 'OBJ-1', share: 0.5 }],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Uplift',
      planned: [{ month: '2026-03', amount: 100 }],
      realised: [],
    },
    { id: 'b2', kind: 'cost_saving', title: 'Savings', planned: [], realised: [] },
  ],
};

function drafts(change: (value: EpicValueDocument) => EpicValueDocument): Draft {
  return toDraft(change(JSON.parse(JSON.stringify(base)) as EpicValueDocument), 2);
}

/** Drafts without row keys, for comparison. */
function plain(draft: Draft): unknown {
  return JSON.parse(JSON.stringify(draft, (key, value: unknown) => (key === 'key' ? undefined : value)));
}

describe('rebase', () => {
  it('keeps both sides when they changed different things', () => {
    const mine = drafts((value) => ({ ...value, successProbability: 0.6 }));
    const theirs = drafts((value) => ({
      ...value,
      benefits: value.benefits.map((benefit) =>
        benefit.id === 'b2' ? { ...benefit, title: 'Run-cost savings' } : benefit,
      ),
      costs: { planned: [{ month: '2026-01', amount: 500 }], actual: [] },
    }));

    const result = rebase({ base: toDraft(base, 2), mine, theirs });

    expect(result.overlaps).toEqual([]);
    expect(result.draft.successProbability).toBe('60');
    expect(result.draft.benefits.map((benefit) => benefit.title)).toEqual(['Uplift', 'Run-cost savings']);
    expect(result.draft.costs.planned.map((row) => row.amount)).toEqual(['500.00']);
  });

  it('merges one benefit field by field', () => {
    const mine = drafts((value) => ({
      ...value,
      benefits: value.benefits.map((benefit) =>
        benefit.id === 'b1'
          ? { ...benefit, realised: [{ month: '2026-03', amount: 90, evidence: 'verified' as const }] }
          : benefit,
      ),
    }));
    const theirs = drafts((value) => ({
      ...value,
      benefits: value.benefits.map((benefit) =>
        benefit.id === 'b1' ? { ...benefit, title: 'Conversion uplift' } : benefit,
      ),
    }));

    const merged = rebase({ base: toDraft(base, 2), mine, theirs }).draft.benefits[0];

    expect(merged?.title).toBe('Conversion uplift');
    expect(merged?.realised.map((row) => row.amount)).toEqual(['90.00']);
  });

  it('keeps the user’s version where both changed the same thing, and says so', () => {
    const mine = drafts((value) => ({ ...value, successProbability: 0.6 }));
    const theirs = drafts((value) => ({ ...value, successProbability: 0.9 }));

    const result = rebase({ base: toDraft(base, 2), mine, theirs });

    expect(result.draft.successProbability).toBe('60');
    expect(result.overlaps).toEqual(['success probability']);
  });

  it('adds benefits and objective links from both sides and keeps removals', () => {
    const mine = drafts((value) => ({
      ...value,
      objectives: [...value.objectives, { id: 'OBJ-2', share: 0.25 }],
      benefits: [
        ...value.benefits.filter((benefit) => benefit.id !== 'b2'),
        { id: 'b3', kind: 'customer', title: 'Happier customers', planned: [], realised: [] },
      ],
    }));
    const theirs = drafts((value) => ({
      ...value,
      objectives: [{ id: 'OBJ-1', share: 0.4 }],
      benefits: [
        ...value.benefits,
        { id: 'b4', kind: 'strategic', title: 'Platform', planned: [], realised: [] },
      ],
    }));

    const result = rebase({ base: toDraft(base, 2), mine, theirs });

    expect(result.draft.benefits.map((benefit) => benefit.id)).toEqual(['b1', 'b4', 'b3']);
    expect(result.draft.objectives).toEqual([
      { id: 'OBJ-1', share: '40' },
      { id: 'OBJ-2', share: '25' },
    ]);
    expect(result.overlaps).toEqual([]);
  });

  it('reports a benefit one side removed and the other changed, and keeps it when the user changed it', () => {
    const mine = drafts((value) => ({
      ...value,
      benefits: value.benefits.map((benefit) =>
        benefit.id === 'b2' ? { ...benefit, title: 'Savings (run)' } : benefit,
      ),
    }));
    const theirs = drafts((value) => ({
      ...value,
      benefits: value.benefits.filter((benefit) => benefit.id !== 'b2'),
    }));

    const result = rebase({ base: toDraft(base, 2), mine, theirs });

    expect(result.draft.benefits.map((benefit) => benefit.title)).toEqual(['Uplift', 'Savings (run)']);
    expect(result.overlaps).toEqual(['benefit "Savings (run)" (they removed it; you changed it)']);
  });

  it('is theirs when the user changed nothing', () => {
    const theirs = drafts((value) => ({ ...value, nps: { promoters: 1, passives: 2, detractors: 3 } }));

    expect(plain(rebase({ base: toDraft(base, 2), mine: toDraft(base, 2), theirs }).draft)).toEqual(
      plain(theirs),
    );
  });
});
