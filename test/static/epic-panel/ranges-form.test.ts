import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { EMPTY_OVERRUN, EMPTY_RANGE, toDraft } from '../../../static/src/features/epic-panel/draft';
import { readStoredDraft } from '../../../static/src/features/epic-panel/draft-store';
import { describePath, draftPathOf } from '../../../static/src/features/epic-panel/field-paths';
import {
  defaultBenefitRange,
  defaultCostOverrun,
} from '../../../static/src/features/epic-panel/range-defaults';
import { rebase } from '../../../static/src/features/epic-panel/rebase';
import { readDraft } from '../../../static/src/features/epic-panel/validate';
import { initialFormState, valueFormReducer } from '../../../static/src/features/epic-panel/value-form-model';
import { EMPTY_VALUE, RANGE_DEFAULTS } from './panel-fixtures';

const benefit = (id: string, realised: EpicValueDocument['benefits'][number]['realised'] = []) => ({
  id,
  kind: 'revenue' as const,
  title: `Benefit ${id}`,
  planned: [{ month: '2027-01', amount: 1000 }],
  realised,
});

const ranged: EpicValueDocument = {
  ...EMPTY_VALUE,
  benefits: [benefit('b1'), benefit('b2'), benefit('b3')],
  ranges: {
    benefits: [
      { benefitId: 'b1', basis: 'percentOfPlan', low: 50, likely: 100, high: 150 },
      { benefitId: 'b3', basis: 'amount', low: 800, likely: 1000, high: 1100 },
    ],
    costOverrun: { low: -10, likely: 0, high: 30 },
  },
};

describe('defaultBenefitRange', () => {
  const context = { asOf: '2026-11', defaults: RANGE_DEFAULTS };

  it('returns the estimated default for a benefit with nothing realised', () => {
    expect(defaultBenefitRange({ realised: [] }, context)).toEqual({
      grade: 'estimated',
      range: { low: 40, likely: 100, high: 120 },
    });
  });

  it('follows the weakest grade realised up to the as-of month, not later or unreadable months', () => {
    const row = (month: string, evidence: 'verified' | 'measured' | 'estimated') => ({
      key: month,
      month,
      amount: '1',
      evidence,
      note: '',
      evidenceLink: '',
    });
    expect(
      defaultBenefitRange({ realised: [row('2026-10', 'verified'), row('2026-11', 'measured')] }, context)
        .grade,
    ).toBe('measured');
    expect(
      defaultBenefitRange({ realised: [row('2026-10', 'verified'), row('2026-12', 'estimated')] }, context),
    ).toEqual({ grade: 'verified', range: { low: 90, likely: 100, high: 110 } });
    expect(defaultBenefitRange({ realised: [row('soon', 'verified')] }, context).grade).toBe('estimated');
  });

  it('gives the cost overrun the weakest grade of all benefits', () => {
    const verified = {
      realised: [
        {
          key: 'r',
          month: '2026-01',
          amount: '1',
          evidence: 'verified' as const,
          note: '',
          evidenceLink: '',
        },
      ],
    };
    expect(defaultCostOverrun([verified], context)).toEqual({
      grade: 'verified',
      range: { low: -5, likely: 0, high: 10 },
    });
    expect(defaultCostOverrun([verified, { realised: [] }], context).grade).toBe('estimated');
    expect(defaultCostOverrun([], context).grade).toBe('estimated');
  });
});

describe('draftPathOf', () => {
  const draft = toDraft(ranged, 2);

  it('returns the benefit a server range path names: the n-th benefit that has a range', () => {
    expect(draftPathOf('value.ranges.benefits[0].low', draft)).toBe('value.benefits[0].range.low');
    expect(draftPathOf('value.ranges.benefits[1].basis', draft)).toBe('value.benefits[2].range.basis');
    expect(draftPathOf('value.ranges.benefits[1].benefitId', draft)).toBe('value.benefits[2].range');
  });

  it('returns the overrun fields for the server’s cost overrun paths, and other paths unchanged', () => {
    expect(draftPathOf('value.ranges.costOverrun.high', draft)).toBe('value.costOverrun.high');
    expect(draftPathOf('value.benefits[1].title', draft)).toBe('value.benefits[1].title');
    expect(draftPathOf('value.ranges.benefits[5].low', draft)).toBe('value.ranges.benefits[5].low');
  });

  it('puts a rejected range on its field and opens its benefit’s card', () => {
    const state = valueFormReducer(initialFormState(draft, null), {
      type: 'save-rejected-fields',
      fields: [{ path: 'value.ranges.benefits[1].high', message: 'must be at least likely (1000)' }],
      sent: draft,
    });
    expect(state.serverErrors).toEqual({ 'value.benefits[2].range.high': 'must be at least likely (1000)' });
    expect(state.expanded.has('benefit:b3')).toBe(true);
  });
});

describe('describePath for ranges', () => {
  it('names the benefit and the case, and the cost overrun range', () => {
    const draft = toDraft(ranged, 2);
    const names = new Map<string, string>();
    expect(describePath('value.benefits[2].range.likely', draft, names)).toBe(
      '“Benefit b3”, range: likely case',
    );
    expect(describePath('value.costOverrun.low', draft, names)).toBe('Cost overrun range: low case');
  });
});

describe('ranges in the panel form', () => {
  it('reads back the ranges it was given, so saving an untouched form keeps them', () => {
    expect(readDraft(toDraft(ranged, 2), { currency: 'EUR', decimals: 2 }).value.ranges).toEqual(
      ranged.ranges,
    );
  });

  it('keeps their range when the user removes another benefit', () => {
    const draft = toDraft(ranged, 2);
    const { value } = readDraft(
      { ...draft, benefits: draft.benefits.slice(1) },
      { currency: 'EUR', decimals: 2 },
    );
    expect(value.ranges?.benefits.map((range) => range.benefitId)).toEqual(['b3']);
  });

  it('re-applies the user’s range on top of a version saved since, taking theirs where the user left it', () => {
    const base = toDraft(ranged, 2);
    const mine = toDraft(ranged, 2);
    const [first, ...rest] = mine.benefits;
    if (first === undefined || ranged.ranges === undefined) throw new Error('fixture has ranges');
    mine.benefits = [
      { ...first, range: { basis: 'percentOfPlan', low: '70', likely: '100', high: '120' } },
      ...rest,
    ];
    const theirs = toDraft({ ...ranged, ranges: { ...ranged.ranges, costOverrun: null } }, 2);

    const { draft, overlaps } = rebase({ base, mine, theirs });

    expect(draft.benefits[0]?.range.low).toBe('70');
    expect(draft.costOverrun).toEqual(EMPTY_OVERRUN);
    expect(overlaps).toEqual([]);
  });

  it('keeps the saved ranges when it restores edits kept by a panel from before ranges', () => {
    const older = {
      successProbability: '80',
      objectives: [],
      benefits: [{ id: 'b1', kind: 'revenue', title: 'Benefit b1', planned: [], realised: [] }],
      costs: { planned: [], actual: [] },
      nps: null,
    };
    localStorage.setItem(
      'value-layer.epic-panel.unsaved:CHK-1:acc-sam',
      JSON.stringify({
        baseRevision: 3,
        base: older,
        mine: { ...older, successProbability: '55' },
        savedAt: '',
      }),
    );
    const stored = readStoredDraft('CHK-1:acc-sam');
    if (stored === null) throw new Error('the draft was kept');
    expect(stored.mine.benefits[0]?.range).toEqual(EMPTY_RANGE);
    const saved = toDraft(
      { ...ranged, successProbability: 0.8, benefits: [{ ...benefit('b1'), planned: [] }] },
      2,
    );

    const state = valueFormReducer(initialFormState(saved, stored), {
      type: 'restore',
      mine: stored.mine,
      sameRevision: true,
    });

    expect(state.draft.successProbability).toBe('55');
    expect(state.draft.benefits[0]?.range).toEqual({
      basis: 'percentOfPlan',
      low: '50',
      likely: '100',
      high: '150',
    });
    expect(state.draft.costOverrun).toEqual({ low: '-10', likely: '0', high: '30' });
  });
});
