import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { getIn, toDraft, type Draft } from '../../../static/src/features/epic-panel/draft';
import type { StoredDraft } from '../../../static/src/features/epic-panel/draft-store';
import { readDraft } from '../../../static/src/features/epic-panel/validate';
import {
  canSave,
  initialFormState,
  isDirty,
  saveStateOf,
  tidy,
  valueFormReducer,
  visibleErrors,
  type ValueFormAction,
  type ValueFormState,
} from '../../../static/src/features/epic-panel/value-form-model';
import { EMPTY_VALUE, viewOf } from './panel-fixtures';

const uplift: EpicValueDocument['benefits'][number] = {
  id: 'b1',
  kind: 'revenue',
  title: 'Conversion uplift',
  planned: [{ month: '2026-10', amount: 1000 }],
  realised: [],
};

const saved: EpicValueDocument = {
  ...EMPTY_VALUE,
  successProbability: 0.8,
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Conversion uplift',
      planned: [{ month: '2026-10', amount: 1000 }],
      realised: [],
    },
  ],
};

const draftOf = (value: EpicValueDocument = saved): Draft => toDraft(value, 2);
const AMOUNT = 'value.benefits[0].planned[0].amount';
const PROBABILITY = 'value.successProbability';

/** The state after `actions`, from a fresh form over `saved`. */
function after(...actions: ValueFormAction[]): ValueFormState {
  return actions.reduce(valueFormReducer, initialFormState(draftOf(), null));
}

const errorsOf = (state: ValueFormState) =>
  visibleErrors(state, readDraft(state.draft, { currency: 'EUR', decimals: 2 }).errors);

describe('valueFormReducer', () => {
  describe('a fresh form', () => {
    it('is clean, shows no problem and offers no save when nothing was typed', () => {
      const state = after();
      expect(isDirty(state)).toBe(false);
      expect(saveStateOf(state)).toBe('clean');
      expect(canSave(state)).toBe(false);
      expect(errorsOf(state)).toEqual({});
    });

    it('offers an earlier visit’s edits back only when they differ from what they started from', () => {
      const base = draftOf();
      const mine = draftOf({ ...saved, successProbability: 0.5 });
      const stored: StoredDraft = { baseRevision: 1, base, mine, savedAt: '2026-11-02T10:00:00Z' };
      expect(initialFormState(base, stored).restorable).toBe(stored);
      expect(initialFormState(base, { ...stored, mine: base }).restorable).toBeNull();
    });
  });

  describe('edit', () => {
    it('changes the field, makes the form dirty and offers a save', () => {
      const state = after({ type: 'edit', path: AMOUNT, value: '3500' });
      expect(state.draft.benefits[0]?.planned[0]?.amount).toBe('3500');
      expect(isDirty(state)).toBe(true);
      expect(saveStateOf(state)).toBe('unsaved');
      expect(canSave(state)).toBe(true);
    });

    it('is clean again when the field is typed back to what was saved', () => {
      const state = after(
        { type: 'edit', path: AMOUNT, value: '3500' },
        { type: 'edit', path: AMOUNT, value: '1,000.00' },
      );
      expect(isDirty(state)).toBe(false);
    });

    it('clears the server’s error for that field only', () => {
      const rejected = after(
        { type: 'edit', path: AMOUNT, value: '3500' },
        { type: 'save-started' },
        {
          type: 'save-rejected-fields',
          sent: draftOf(),
          fields: [
            { path: AMOUNT, message: 'Too large.' },
            { path: PROBABILITY, message: 'Out of range.' },
          ],
        },
      );
      const state = valueFormReducer(rejected, { type: 'edit', path: AMOUNT, value: '3000' });
      expect(state.serverErrors).toEqual({ [PROBABILITY]: 'Out of range.' });
    });
  });

  describe('validation shown', () => {
    it('hides a client problem until its field is touched, then names it', () => {
      const typed = after({ type: 'edit', path: AMOUNT, value: '12abc' });
      expect(errorsOf(typed)).toEqual({});
      const touched = valueFormReducer(typed, { type: 'touch', path: AMOUNT });
      expect(errorsOf(touched)[AMOUNT]).toMatch(/^Enter a number/);
    });

    it('returns the same state when a touched field is touched again', () => {
      const touched = after({ type: 'touch', path: AMOUNT });
      expect(valueFormReducer(touched, { type: 'touch', path: AMOUNT })).toBe(touched);
    });

    it('shows every problem, touched or not, after a refused save, opening their cards and the summary', () => {
      const typed = after({ type: 'edit', path: AMOUNT, value: '$500' });
      const state = valueFormReducer(typed, { type: 'save-refused', paths: [AMOUNT] });
      expect(state.showAll).toBe(true);
      expect(state.summaryOpen).toBe(true);
      expect(state.expanded.has('benefit:b1')).toBe(true);
      expect(Object.keys(errorsOf(state))).toEqual([AMOUNT]);
      expect(state.saving).toBe(false);
    });
  });

  describe('tidy', () => {
    it('rewrites a readable amount in the currency’s form when the field is left', () => {
      const state = after(
        { type: 'edit', path: AMOUNT, value: '€2500.5' },
        { type: 'tidy', path: AMOUNT, kind: 'amount', decimals: 2, currency: 'EUR' },
      );
      expect(state.draft.benefits[0]?.planned[0]?.amount).toBe('2,500.50');
    });

    it('leaves an unreadable amount exactly as typed and returns the same state', () => {
      const typed = after({ type: 'edit', path: AMOUNT, value: '500 USD' });
      const state = valueFormReducer(typed, {
        type: 'tidy',
        path: AMOUNT,
        kind: 'amount',
        decimals: 2,
        currency: 'EUR',
      });
      expect(state).toBe(typed);
    });

    it.each([
      ['2026-3', 'month', '2026-03'],
      ['Mar 2026', 'month', '2026-03'],
      ['55%', 'percent', '55'],
      ['0012', 'count', '12'],
      ['  free text ', 'text', '  free text '],
      ['-5', 'amount', '-5'],
    ] as const)('tidies %j as a %s field to %j', (raw, kind, expected) => {
      expect(tidy(raw, kind, 2, 'EUR')).toBe(expected);
    });
  });

  describe('restructure', () => {
    it('applies the change and drops every server error, whose row indexes no longer line up', () => {
      const rejected = after(
        { type: 'save-started' },
        { type: 'save-rejected-fields', sent: draftOf(), fields: [{ path: AMOUNT, message: 'Too large.' }] },
      );
      const state = valueFormReducer(rejected, {
        type: 'restructure',
        path: 'value.benefits[0].planned',
        change: () => [],
      });
      expect(state.draft.benefits[0]?.planned).toEqual([]);
      expect(state.serverErrors).toEqual({});
      expect(isDirty(state)).toBe(true);
    });
  });

  describe('expand', () => {
    it('opens and closes a card, and returns the same state when nothing changes', () => {
      const open = after({ type: 'expand', key: 'costs:planned', open: true });
      expect(open.expanded.has('costs:planned')).toBe(true);
      expect(valueFormReducer(open, { type: 'expand', key: 'costs:planned', open: true })).toBe(open);
      expect(
        valueFormReducer(open, { type: 'expand', key: 'costs:planned', open: false }).expanded.size,
      ).toBe(0);
    });
  });

  describe('saving', () => {
    const typed = after({ type: 'edit', path: AMOUNT, value: '3500' });
    const sent = typed.draft;
    const answer = draftOf({
      ...saved,
      benefits: [{ ...uplift, planned: [{ month: '2026-10', amount: 3500 }] }],
    });

    it('says saving and offers no second save while one is on its way', () => {
      const state = valueFormReducer(typed, { type: 'save-started' });
      expect(saveStateOf(state)).toBe('saving');
      expect(canSave(state)).toBe(false);
    });

    it('resets to clean after a save: the answer is the new base, touched fields forgotten, saved confirmed', () => {
      const state = [
        { type: 'touch', path: AMOUNT },
        { type: 'save-started' },
        { type: 'save-succeeded', sent, saved: answer },
      ].reduce((s, a) => valueFormReducer(s, a as ValueFormAction), typed);
      expect(state.base).toBe(answer);
      expect(state.draft).toBe(answer);
      expect(isDirty(state)).toBe(false);
      expect(state.touched.size).toBe(0);
      expect(state.showAll).toBe(false);
      expect(saveStateOf(state)).toBe('saved');
      expect(valueFormReducer(state, { type: 'edit', path: AMOUNT, value: '1' }).fresh).toBe(false);
    });

    it('keeps edits made while the save was on its way, on top of what was saved', () => {
      const during = [
        { type: 'save-started' },
        { type: 'edit', path: PROBABILITY, value: '55' },
        { type: 'save-succeeded', sent, saved: answer },
      ].reduce((s, a) => valueFormReducer(s, a as ValueFormAction), typed);
      expect(during.draft.successProbability).toBe('55');
      expect(during.draft.benefits[0]?.planned[0]?.amount).toBe('3,500.00');
      expect(isDirty(during)).toBe(true);
    });

    it('keeps the edits and says failed, with the message, when a save fails', () => {
      const state = [
        { type: 'save-started' },
        { type: 'save-failed', message: 'Jira did not answer.', savedInPart: false },
      ].reduce((s, a) => valueFormReducer(s, a as ValueFormAction), typed);
      expect(saveStateOf(state)).toBe('failed');
      expect(state.saveError).toEqual({ message: 'Jira did not answer.', savedInPart: false });
      expect(state.draft).toBe(sent);
      expect(canSave(state)).toBe(true);
      expect(valueFormReducer(state, { type: 'save-started' }).saveError).toBeNull();
    });

    it('shows the server’s field errors, opens their cards and the summary', () => {
      const state = valueFormReducer(valueFormReducer(typed, { type: 'save-started' }), {
        type: 'save-rejected-fields',
        sent,
        fields: [{ path: AMOUNT, message: 'Too large.' }],
      });
      expect(errorsOf(state)).toEqual({ [AMOUNT]: 'Too large.' });
      expect(state.expanded.has('benefit:b1')).toBe(true);
      expect(state.summaryOpen).toBe(true);
      expect(saveStateOf(state)).toBe('unsaved');
    });
  });

  describe('a conflicting save', () => {
    const theirValue: EpicValueDocument = {
      ...saved,
      benefits: [
        ...saved.benefits,
        { id: 'b2', kind: 'customer', title: 'Fewer calls', planned: [], realised: [] },
      ],
    };
    const current = viewOf({ revision: 3, value: theirValue });
    const conflicted = [
      { type: 'edit', path: PROBABILITY, value: '65' },
      { type: 'save-started' },
      { type: 'save-conflicted', current },
    ].reduce((s, a) => valueFormReducer(s, a as ValueFormAction), after());

    it('holds their version and offers no save until the user picks a way on', () => {
      expect(conflicted.conflict).toBe(current);
      expect(conflicted.saving).toBe(false);
      expect(canSave(conflicted)).toBe(false);
    });

    it('re-applies the user’s edits on top of theirs, losing neither', () => {
      const state = valueFormReducer(conflicted, {
        type: 'reapply',
        theirs: draftOf(theirValue),
        name: 'Priya',
      });
      expect(state.conflict).toBeNull();
      expect(state.draft.successProbability).toBe('65');
      expect(state.draft.benefits.map((benefit) => benefit.title)).toEqual([
        'Conversion uplift',
        'Fewer calls',
      ]);
      expect(state.rebaseNote?.headline).toBe('Your changes are now on top of Priya’s version.');
      expect(canSave(state)).toBe(true);
    });

    it('takes their version and sets the user’s edits aside for Undo', () => {
      const state = valueFormReducer(conflicted, { type: 'take-theirs', theirs: draftOf(theirValue) });
      expect(state.conflict).toBeNull();
      expect(isDirty(state)).toBe(false);
      expect(state.discarded?.mine.successProbability).toBe('65');
      const undone = valueFormReducer(state, { type: 'undo-discard' });
      expect(undone.draft.successProbability).toBe('65');
      expect(undone.draft.benefits).toHaveLength(2);
    });

    it('ignores re-apply and take-theirs when there is no conflict', () => {
      const state = after();
      expect(valueFormReducer(state, { type: 'reapply', theirs: draftOf(theirValue), name: 'P' })).toBe(
        state,
      );
      expect(valueFormReducer(state, { type: 'take-theirs', theirs: draftOf(theirValue) })).toBe(state);
    });
  });

  describe('discard and undo', () => {
    it('puts the saved version back, and Undo brings the edits back', () => {
      const discarded = after({ type: 'edit', path: AMOUNT, value: '3500' }, { type: 'discard' });
      expect(isDirty(discarded)).toBe(false);
      expect(discarded.discarded).not.toBeNull();
      const undone = valueFormReducer(discarded, { type: 'undo-discard' });
      expect(undone.draft.benefits[0]?.planned[0]?.amount).toBe('3500');
      expect(undone.discarded).toBeNull();
    });

    it('forgets the discarded edits once the user types again', () => {
      const state = after(
        { type: 'edit', path: AMOUNT, value: '3500' },
        { type: 'discard' },
        { type: 'edit', path: PROBABILITY, value: '10' },
      );
      expect(state.discarded).toBeNull();
      expect(valueFormReducer(state, { type: 'undo-discard' })).toBe(state);
    });
  });

  describe('restoring an earlier visit’s edits', () => {
    const base = draftOf();
    const mine = draftOf({ ...saved, successProbability: 0.37 });
    const stored: StoredDraft = { baseRevision: 1, base, mine, savedAt: '2026-11-02T10:00:00Z' };

    it('puts them in the form as they were when the record has not moved on', () => {
      const state = valueFormReducer(initialFormState(base, stored), {
        type: 'restore',
        mine,
        sameRevision: true,
      });
      expect(state.draft.successProbability).toBe('37');
      expect(state.restorable).toBeNull();
      expect(state.rebaseNote).toBeNull();
    });

    it('re-applies them on top of a version saved since, and says so', () => {
      const newer = draftOf({ ...saved, nps: { promoters: 1, passives: 2, detractors: 3 } });
      const state = valueFormReducer(initialFormState(newer, stored), {
        type: 'restore',
        mine,
        sameRevision: false,
      });
      expect(state.draft.successProbability).toBe('37');
      expect(state.draft.nps).toEqual({ promoters: '1', passives: '2', detractors: '3' });
      expect(state.rebaseNote?.headline).toMatch(/on top of the version saved since/);
    });

    it('drops the offer without touching the form', () => {
      const start = initialFormState(base, stored);
      const state = valueFormReducer(start, { type: 'drop-restorable' });
      expect(state.restorable).toBeNull();
      expect(state.draft).toBe(start.draft);
      expect(valueFormReducer(state, { type: 'restore', mine, sameRevision: true })).toBe(state);
    });
  });
});

describe('valueFormReducer with benefit owners, measures and realised details', () => {
  const profiled: EpicValueDocument = {
    ...saved,
    benefits: [
      {
        ...uplift,
        owner: 'acc-sam',
        measure: { name: 'Conversion', unit: '%', baseline: 2.5, target: 3.1, method: 'Funnel report' },
        realised: [{ month: '2026-10', amount: 400, evidence: 'measured', note: 'From the funnel' }],
      },
    ],
  };
  const TARGET = 'value.benefits[0].measure.target';
  const OWNER = 'value.benefits[0].owner';
  const NOTE = 'value.benefits[0].realised[0].note';
  const LINK = 'value.benefits[0].realised[0].evidenceLink';
  const start = () => initialFormState(toDraft(profiled, 2), null);
  const run = (...actions: ValueFormAction[]) => actions.reduce(valueFormReducer, start());
  const errorsIn = (state: ValueFormState) =>
    visibleErrors(state, readDraft(state.draft, { currency: 'EUR', decimals: 2 }).errors);

  it('reads the owner, the measure and the note into the form as text, and the form is clean', () => {
    const state = start();
    expect(state.draft.benefits[0]?.owner).toBe('acc-sam');
    expect(state.draft.benefits[0]?.measure).toEqual({
      name: 'Conversion',
      unit: '%',
      baseline: '2.5',
      target: '3.1',
      method: 'Funnel report',
      methodLink: '',
    });
    expect(state.draft.benefits[0]?.realised[0]).toMatchObject({ note: 'From the funnel', evidenceLink: '' });
    expect(isDirty(state)).toBe(false);
  });

  it('makes the form dirty when the owner, a measure field or a note changes, and clean when typed back', () => {
    for (const [path, typed] of [
      [OWNER, 'acc-priya'],
      [TARGET, '3.5'],
      [NOTE, 'From the ledger'],
      [LINK, 'https://ledger.example.com'],
    ] as const) {
      const changed = run({ type: 'edit', path, value: typed });
      expect(isDirty(changed)).toBe(true);
      expect(canSave(changed)).toBe(true);
      const back = valueFormReducer(changed, {
        type: 'edit',
        path,
        value: String(getIn(start().draft, path)),
      });
      expect(isDirty(back)).toBe(false);
    }
  });

  it('trims a measure number when the field is left, and keeps what it cannot read as typed', () => {
    const trimmed = run(
      { type: 'edit', path: TARGET, value: ' 3.5 ' },
      { type: 'tidy', path: TARGET, kind: 'decimal', decimals: 2, currency: 'EUR' },
    );
    expect(trimmed.draft.benefits[0]?.measure.target).toBe('3.5');
    const unreadable = run(
      { type: 'edit', path: TARGET, value: 'about 4' },
      { type: 'tidy', path: TARGET, kind: 'decimal', decimals: 2, currency: 'EUR' },
    );
    expect(unreadable.draft.benefits[0]?.measure.target).toBe('about 4');
  });

  it('names a bad target once touched, and a bad evidence link, each on its own path', () => {
    const state = run(
      { type: 'edit', path: TARGET, value: 'about 4' },
      { type: 'edit', path: LINK, value: 'ftp://ledger.example.com' },
    );
    expect(errorsIn(state)).toEqual({});
    const touched = run(
      { type: 'edit', path: TARGET, value: 'about 4' },
      { type: 'edit', path: LINK, value: 'ftp://ledger.example.com' },
      { type: 'touch', path: TARGET },
      { type: 'touch', path: LINK },
    );
    expect(errorsIn(touched)).toEqual({
      [TARGET]: 'Enter the target as a number, such as 12.5; the unit goes in Unit.',
      [LINK]: 'Enter a link that starts with https://, such as https://example.com/report.',
    });
  });

  it('shows the server’s error on a measure field, opens its card, and clears it when that field changes', () => {
    const sent = start().draft;
    const rejected = run(
      { type: 'edit', path: OWNER, value: 'acc-priya' },
      {
        type: 'save-rejected-fields',
        fields: [
          { path: TARGET, message: 'must be a number' },
          { path: OWNER, message: 'is not a Jira user' },
        ],
        sent,
      },
    );
    expect(errorsIn(rejected)).toEqual({ [TARGET]: 'must be a number', [OWNER]: 'is not a Jira user' });
    expect(rejected.expanded.has('benefit:b1')).toBe(true);
    const fixed = valueFormReducer(rejected, { type: 'edit', path: TARGET, value: '3.4' });
    expect(errorsIn(fixed)).toEqual({ [OWNER]: 'is not a Jira user' });
  });

  it('keeps the user’s new owner when re-applied on a version where someone changed the measure', () => {
    const theirs = toDraft(
      {
        ...profiled,
        benefits: profiled.benefits.map((benefit) => ({
          ...benefit,
          measure: { name: 'Conversion', unit: '%', baseline: 2.5, target: 4, method: 'Funnel report' },
        })),
      },
      2,
    );
    const conflicted = run(
      { type: 'edit', path: OWNER, value: 'acc-priya' },
      { type: 'save-conflicted', current: viewOf({ value: profiled }) },
    );
    const state = valueFormReducer(conflicted, { type: 'reapply', theirs, name: 'Priya' });
    expect(state.draft.benefits[0]?.owner).toBe('acc-priya');
    expect(state.draft.benefits[0]?.measure.target).toBe('4');
    expect(state.rebaseNote?.overlaps).toEqual([]);
  });
});
