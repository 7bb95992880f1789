import { readStoredDraft, storeDraft } from '../../../static/src/features/epic-panel/draft-store';
import { describePath } from '../../../static/src/features/epic-panel/field-paths';
import { EMPTY_MEASURE, toDraft } from '../../../static/src/features/epic-panel/draft';
import { EMPTY_VALUE } from './panel-fixtures';

/** A draft as the panel kept it before benefits had owners, measures, notes and links. */
const olderDraft = {
  successProbability: '80',
  objectives: [],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Uplift',
      planned: [{ key: 'r1', month: '2026-03', amount: '100.00' }],
      realised: [{ key: 'r2', month: '2026-03', amount: '50.00', evidence: 'measured' }],
    },
  ],
  costs: { planned: [], actual: [] },
  nps: null,
};

describe('readStoredDraft', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it('returns a draft kept by an earlier version with the new fields blank', () => {
    localStorage.setItem(
      'value-layer.epic-panel.unsaved:CHK-1:acc-sam',
      JSON.stringify({
        baseRevision: 3,
        base: olderDraft,
        mine: olderDraft,
        savedAt: '2026-11-02T10:00:00Z',
      }),
    );
    const stored = readStoredDraft('CHK-1:acc-sam');
    expect(stored?.mine.benefits[0]).toMatchObject({ owner: '', measure: EMPTY_MEASURE });
    expect(stored?.mine.benefits[0]?.realised[0]).toMatchObject({ note: '', evidenceLink: '' });
    expect(stored?.base.benefits[0]?.planned).toEqual(olderDraft.benefits[0]?.planned);
  });

  it('returns a current draft as it was stored', () => {
    const draft = toDraft(
      {
        ...EMPTY_VALUE,
        benefits: [
          {
            id: 'b1',
            kind: 'dis_benefit',
            title: 'Lost sales',
            owner: 'acc-sam',
            measure: { name: 'Orders', unit: 'orders', baseline: 0, target: 10, method: 'Shop report' },
            planned: [],
            realised: [{ month: '2026-03', amount: 5, evidence: 'measured', note: 'Counted' }],
          },
        ],
      },
      2,
    );
    storeDraft('CHK-1:acc-sam', {
      baseRevision: 1,
      base: draft,
      mine: draft,
      savedAt: '2026-11-02T10:00:00Z',
    });
    expect(readStoredDraft('CHK-1:acc-sam')?.mine).toEqual(draft);
  });
});

describe('describePath', () => {
  const draft = toDraft(
    {
      ...EMPTY_VALUE,
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Uplift',
          planned: [],
          realised: [{ month: '2026-03', amount: 5, evidence: 'measured' }],
        },
      ],
    },
    2,
  );

  it('names the benefit and the field of a measure, owner, note or evidence link', () => {
    const names = new Map<string, string>();
    expect(describePath('value.benefits[0].measure.target', draft, names)).toBe('“Uplift”, measure: target');
    expect(describePath('value.benefits[0].measure.methodLink', draft, names)).toBe(
      '“Uplift”, measure: method link',
    );
    expect(describePath('value.benefits[0].owner', draft, names)).toBe('“Uplift”: owner');
    expect(describePath('value.benefits[0].realised[0].note', draft, names)).toBe(
      '“Uplift”, realised Mar 2026: note',
    );
    expect(describePath('value.benefits[0].realised[0].evidenceLink', draft, names)).toBe(
      '“Uplift”, realised Mar 2026: evidence link',
    );
  });
});
