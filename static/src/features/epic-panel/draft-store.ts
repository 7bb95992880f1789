import {
  EMPTY_MEASURE,
  EMPTY_OVERRUN,
  EMPTY_RANGE,
  type BenefitDraft,
  type Draft,
  type MeasureDraft,
  type OverrunDraft,
  type RangeDraft,
  type RealisedRow,
} from './draft';

/**
 * Unsaved edits kept in the browser, so they survive the panel being closed without a save: Jira
 * removes a panel's iframe when the user opens another issue, and no `beforeunload` warns then.
 */
export interface StoredDraft {
  /** The revision the edits started from. */
  baseRevision: number;
  base: Draft;
  mine: Draft;
  savedAt: string;
}

const PREFIX = 'value-layer.epic-panel.unsaved:';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // A browser that blocks storage in iframes: the beforeunload warning still applies.
    return null;
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<Draft>;
  return (
    typeof draft.successProbability === 'string' &&
    Array.isArray(draft.objectives) &&
    Array.isArray(draft.benefits) &&
    Array.isArray(draft.costs?.planned) &&
    Array.isArray(draft.costs.actual)
  );
}

/**
 * A draft kept by an earlier version of the panel, with the fields it did not have yet (benefit
 * owner and measure, realised notes and evidence links, ranges) blank, so nothing reads them as
 * missing. Its base has them blank too, so restoring it keeps the saved ranges (a rebase).
 */
export function withCurrentFields(draft: Draft): Draft {
  type Kept = Omit<BenefitDraft, 'owner' | 'measure' | 'range' | 'realised'> & {
    owner?: string;
    measure?: Partial<MeasureDraft>;
    range?: RangeDraft;
    realised: (Omit<RealisedRow, 'note' | 'evidenceLink'> & { note?: string; evidenceLink?: string })[];
  };
  return {
    ...draft,
    costOverrun: (draft as { costOverrun?: OverrunDraft }).costOverrun ?? EMPTY_OVERRUN,
    benefits: (draft.benefits as Kept[]).map((benefit) => ({
      ...benefit,
      owner: benefit.owner ?? '',
      measure: { ...EMPTY_MEASURE, ...benefit.measure },
      range: benefit.range ?? EMPTY_RANGE,
      realised: benefit.realised.map((row) => ({
        ...row,
        note: row.note ?? '',
        evidenceLink: row.evidenceLink ?? '',
      })),
    })),
  };
}

export function readStoredDraft(key: string): StoredDraft | null {
  try {
    const text = storage()?.getItem(PREFIX + key);
    if (text === null || text === undefined) return null;
    const stored = JSON.parse(text) as Partial<StoredDraft>;
    return typeof stored.baseRevision === 'number' &&
      typeof stored.savedAt === 'string' &&
      isDraft(stored.base) &&
      isDraft(stored.mine)
      ? {
          ...(stored as StoredDraft),
          base: withCurrentFields(stored.base),
          mine: withCurrentFields(stored.mine),
        }
      : null;
  } catch {
    return null;
  }
}

/** Keeps `draft` for `key`, or forgets it when null. */
export function storeDraft(key: string, draft: StoredDraft | null): void {
  try {
    if (draft === null) storage()?.removeItem(PREFIX + key);
    else storage()?.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Full or blocked storage: nothing more to do; the beforeunload warning still applies.
  }
}
