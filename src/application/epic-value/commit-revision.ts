import type { EpicValueDocument } from '../../contract/epic-value.schema';
import type { AppSettings } from '../../contract/site-config.schema';
import { currencyExponentOf } from '../../contract/currencies';
import { valueChanges } from '../../domain/history/value-changes';
import { AppError, badRequest, forbidden } from '../app-error';
import type { EpicIssue, JiraSite, StoredValueRecord, ValueSearchIndex } from '../ports/jira-site';
import type { KeyValueStore } from '../ports/key-value-store';
import type { WorkQueue } from '../ports/work-queue';
import { rememberAccount } from '../privacy/known-accounts';
import { epicHistoryKey, revisionClaimKey } from '../storage-keys';
import { contributionOf } from '../rollup/contribution';
import { syncEpicFields } from '../rollup/epic-field-values';
import { fileContribution } from '../rollup/file-contribution';
import type { EpicFields } from '../ports/epic-fields';
import { REFRESH_EPIC_DELAY_SECONDS, refreshEpicBody } from '../rollup/refresh-epic';
import { epicRecordOf, kpisOfEpic, planningFiguresOf } from './epic-value-view';
import type { CurrentValue } from './load-epic';

/** A claim outlives any resolver invocation (25 s) but not by much: a crashed save frees it soon. */
const CLAIM_TTL_SECONDS = 60;

/** Raised when another writer claimed the next revision first; nothing was written. */
export class RevisionTakenError extends Error {
  constructor(readonly issueKey: string) {
    super(`Revision of ${issueKey} was taken by a concurrent save.`);
    this.name = 'RevisionTakenError';
  }
}

/**
 * The fields Jira indexes for JQL (`valueRoi < 0 AND valueObjective = OBJ-1`), as of the save.
 * The cost of delay is an in-flight epic's (`valueCostOfDelay > 1000`), absent once it is Done.
 */
function searchIndexOf(
  value: EpicValueDocument,
  kpis: ReturnType<typeof kpisOfEpic>,
  planning: ReturnType<typeof planningFiguresOf>,
): ValueSearchIndex {
  const evidence = new Set(
    value.benefits.flatMap((benefit) => benefit.realised.map((entry) => entry.evidence)),
  );
  return {
    plannedBenefit: kpis.plannedBenefit,
    realisedBenefit: kpis.realisedBenefit,
    actualCost: kpis.actualCost,
    ...(kpis.roi === null ? {} : { roi: kpis.roi }),
    ...(planning === null ? {} : { costOfDelay: planning.costOfDelay }),
    successProbability: value.successProbability,
    objectives: value.objectives.map((link) => link.id),
    evidence: [...evidence].sort(),
    ...(value.decision === undefined ? {} : { decision: value.decision.choice }),
  };
}

/** Why a step failed, in the words of the error (storage and Jira errors say what they were doing). */
function reasonOf(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : 'an unexpected error occurred.';
}

/** Removes what a failed save wrote ahead of the epic's property. Best effort: see the callers. */
async function undoAhead(store: KeyValueStore, keys: readonly string[], issueKey: string): Promise<void> {
  for (const key of keys) {
    await store.delete(key).catch((error: unknown) => {
      console.warn(`A failed save of ${issueKey} could not remove ${key}; readers ignore it.`, error);
    });
  }
}

/**
 * Whether a property write whose answer was lost landed, judged by reading the property back:
 * `written` when it holds exactly this revision by this writer, `not_written` when it still holds
 * the revision the save started from, `unknown` when it cannot be read or holds anything else.
 */
async function writeFoundOnEpic(
  jira: JiraSite,
  issueId: string,
  record: StoredValueRecord,
  startRevision: number,
): Promise<'written' | 'not_written' | 'unknown'> {
  try {
    const raw = await jira.readRawValue(issueId);
    if (raw.state === 'absent') return startRevision === 0 ? 'not_written' : 'unknown';
    const stored = JSON.parse(raw.json) as {
      revision?: unknown;
      updatedAt?: unknown;
      updatedBy?: unknown;
    } | null;
    if (
      stored?.revision === record.revision &&
      stored.updatedAt === record.updatedAt &&
      stored.updatedBy === record.updatedBy
    )
      return 'written';
    return stored?.revision === startRevision ? 'not_written' : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Who writes a revision, through which adapters: the context of every use case that saves an
 * epic's value record (the panel, an import, applying a scenario) is one, so it is passed whole.
 */
export interface RevisionWriter {
  jira: JiraSite;
  store: KeyValueStore;
  accountId: string;
  /** Where the save queues the refresh of its roll-up entry (`refresh-epic.ts`). */
  rollupQueue: WorkQueue;
  /** The epic's Jira fields; a failed write leaves them to the queued refresh and the reconcile. */
  epicFields?: EpicFields;
}

/** The revision to write: the epic, the value it holds now and the value it is to hold. */
export interface RevisionChange {
  issue: EpicIssue;
  current: CurrentValue;
  value: EpicValueDocument;
  settings: AppSettings;
  now: Date;
  asOf: string;
}

/**
 * Writes `value` as the epic's next revision, with its history entry and its roll-up contribution.
 *
 * Jira's property API has no compare-and-set, so the app's storage provides one: whoever claims
 * revision n+1 first ("write if absent") may write it; anyone else gets `RevisionTakenError`.
 * The write is made as the user, so Jira's own Edit permission applies too.
 *
 * Every answer is true (docs/adr/0003-value-record-storage.md). The history entry is written
 * ahead of the property, so that once the property is written only the roll-up is left: a failure
 * before the property write removes what was written ahead and says nothing changed (history
 * readers ignore entries above the epic's revision, should a removal fail too); a failure of the
 * roll-up after it answers `SAVE_INCOMPLETE`, saying what was saved and asking for a reload.
 * When Jira keeps failing on the property write itself, the write may still have landed, so the
 * property is read back before answering: landed, the save goes on; unchanged, nothing changed;
 * unreadable, `SAVE_INCOMPLETE` says the outcome is unknown.
 * Beside the history entry it queues a refresh of the epic's roll-up entry for a minute later
 * (rollup/refresh-epic.ts), which files the totals a cut-off or incomplete save left behind.
 */
export async function commitRevision(
  writer: RevisionWriter,
  change: RevisionChange,
): Promise<StoredValueRecord> {
  const { jira, store, accountId } = writer;
  const { issue, current, value, settings, now, asOf } = change;
  const revision = current.revision + 1;
  const claimKey = revisionClaimKey({ issueId: issue.id, revision });
  const notSaved = (error: unknown) =>
    new AppError(
      'UPSTREAM',
      `${issue.key} was not saved: ${reasonOf(error)} Nothing was changed; try again in a minute.`,
    );
  let claimed: boolean;
  try {
    claimed = await store.setIfAbsent(
      claimKey,
      { by: accountId, at: now.toISOString() },
      { ttlSeconds: CLAIM_TTL_SECONDS },
    );
  } catch (error) {
    // A claim whose answer was lost may have landed: it expires with its TTL.
    throw notSaved(error);
  }
  if (!claimed) throw new RevisionTakenError(issue.key);

  const kpis = kpisOfEpic({ epic: epicRecordOf(issue, value), settings, asOf });
  const record = { revision, updatedAt: now.toISOString(), updatedBy: accountId, value };
  const historyKey = epicHistoryKey({ issueId: issue.id, revision });
  try {
    await rememberAccount(store, accountId, now);
    const refresh = writer.rollupQueue.push([refreshEpicBody(issue.id)], {
      delayInSeconds: REFRESH_EPIC_DELAY_SECONDS,
    });
    const history = store.set(historyKey, {
      revision,
      at: record.updatedAt,
      by: accountId,
      changes: valueChanges({
        before: current.revision === 0 ? null : current.value,
        after: value,
        currencyExponent: currencyExponentOf(settings.currency) ?? 2,
      }),
    });
    // Side by side, so the safety net costs the save no extra round trip.
    await Promise.all([refresh, history]);
  } catch (error) {
    await undoAhead(store, [historyKey, claimKey], issue.key);
    throw notSaved(error);
  }

  const outcome = await jira
    .writeValue(
      issue.id,
      record,
      searchIndexOf(value, kpis, planningFiguresOf({ epic: epicRecordOf(issue, value), settings, asOf })),
    )
    .catch(async (error: unknown) => {
      // Jira may have stored a write whose answer was lost (a 5xx after it landed): read it back.
      const found = await writeFoundOnEpic(jira, issue.id, record, current.revision);
      if (found === 'written') return 'written' as const;
      if (found === 'unknown') {
        // The history entry and the claim stay: if the write landed they are its record, and if
        // it did not, readers ignore an entry above the epic's revision and the claim expires.
        throw new AppError(
          'SAVE_INCOMPLETE',
          `We could not tell whether ${issue.key} was saved: ${reasonOf(error)} Reload the panel to see what is stored before you save again.`,
        );
      }
      await undoAhead(store, [historyKey, claimKey], issue.key);
      throw notSaved(error);
    });
  if (outcome !== 'written') {
    await undoAhead(store, [historyKey, claimKey], issue.key);
    if (outcome === 'forbidden')
      throw forbidden(`Jira refused to save ${issue.key}: you need the Edit issues permission.`);
    if (outcome === 'not_found') throw badRequest(`${issue.key} no longer exists.`);
    throw new AppError(
      'TOO_LARGE',
      `The value record of ${issue.key} is ${outcome.tooLarge.toLocaleString('en')} characters; Jira stores at most ${outcome.limit.toLocaleString('en')} per epic. Remove some benefits or months, then save again.`,
    );
  }

  try {
    const contribution = contributionOf({ issue, settings, current: { ...record, value } });
    await fileContribution(store, contribution, { now, onlyIfNewer: true });
  } catch (error) {
    throw new AppError(
      'SAVE_INCOMPLETE',
      `Your change to ${issue.key} was saved on the epic and in its history, but the portfolio totals could not be brought up to date: ${reasonOf(error)} Reload the panel to see what is stored; the totals catch up within a few minutes.`,
    );
  }
  // Never fails the save: a field Jira refused is written again by the queued refresh.
  await syncEpicFields(writer.epicFields, [{ issue, current: { ...record, value } }], settings, now);
  return record;
}
