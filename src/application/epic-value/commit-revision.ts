import type { EpicValueDocument } from '../../contract/epic-value.schema';
import type { AppSettings } from '../../contract/site-config.schema';
import { currencyExponentOf } from '../../contract/currencies';
import { valueChanges } from '../../domain/history/value-changes';
import { AppError, badRequest, forbidden } from '../app-error';
import type { EpicIssue, JiraSite, StoredValueRecord, ValueSearchIndex } from '../ports/jira-site';
import type { KeyValueStore } from '../ports/key-value-store';
import { rememberAccount } from '../privacy/known-accounts';
import { epicHistoryKey, revisionClaimKey } from '../storage-keys';
import { contributionOf } from '../rollup/contribution';
import { fileContribution } from '../rollup/file-contribution';
import { epicRecordOf, kpisOfEpic } from './epic-value-view';
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

/** The fields Jira indexes for JQL (`valueRoi > 1 AND valueObjective = OBJ-1`), as of the save. */
function searchIndexOf(value: EpicValueDocument, kpis: ReturnType<typeof kpisOfEpic>): ValueSearchIndex {
  const evidence = new Set(
    value.benefits.flatMap((benefit) => benefit.realised.map((entry) => entry.evidence)),
  );
  return {
    plannedBenefit: kpis.plannedBenefit,
    realisedBenefit: kpis.realisedBenefit,
    actualCost: kpis.actualCost,
    ...(kpis.roi === null ? {} : { roi: kpis.roi }),
    successProbability: value.successProbability,
    objectives: value.objectives.map((link) => link.id),
    evidence: [...evidence].sort(),
  };
}

/**
 * Writes `value` as the epic's next revision and records the change in its history.
 *
 * Jira's property API has no compare-and-set, so the app's storage provides one: whoever claims
 * revision n+1 first ("write if absent") may write it; anyone else gets `RevisionTakenError`.
 * The write is made as the user, so Jira's own Edit permission applies too.
 */
export async function commitRevision(input: {
  jira: JiraSite;
  store: KeyValueStore;
  accountId: string;
  issue: EpicIssue;
  current: CurrentValue;
  value: EpicValueDocument;
  settings: AppSettings;
  now: Date;
  asOf: string;
}): Promise<StoredValueRecord> {
  const { jira, store, issue, current, value, settings, now } = input;
  const revision = current.revision + 1;
  const claimKey = revisionClaimKey({ issueId: issue.id, revision });
  const claimed = await store.setIfAbsent(
    claimKey,
    { by: input.accountId, at: now.toISOString() },
    { ttlSeconds: CLAIM_TTL_SECONDS },
  );
  if (!claimed) throw new RevisionTakenError(issue.key);

  const kpis = kpisOfEpic({ epic: epicRecordOf(issue, value), settings, asOf: input.asOf });
  const record = { revision, updatedAt: now.toISOString(), updatedBy: input.accountId, value };
  const outcome = await jira
    .writeValue(issue.id, record, searchIndexOf(value, kpis))
    .catch(async (error: unknown) => {
      await store.delete(claimKey);
      throw error;
    });
  if (outcome !== 'written') {
    await store.delete(claimKey);
    if (outcome === 'forbidden')
      throw forbidden(`Jira refused to save ${issue.key}: you need the Edit issues permission.`);
    if (outcome === 'not_found') throw badRequest(`${issue.key} no longer exists.`);
    throw new AppError(
      'TOO_LARGE',
      `The value record of ${issue.key} is ${outcome.tooLarge.toLocaleString('en')} characters; Jira stores at most ${outcome.limit.toLocaleString('en')} per epic. Remove some benefits or months, then save again.`,
    );
  }

  await rememberAccount(store, input.accountId, now);
  await store.set(epicHistoryKey({ issueId: issue.id, revision }), {
    revision,
    at: record.updatedAt,
    by: input.accountId,
    changes: valueChanges({
      before: current.revision === 0 ? null : current.value,
      after: value,
      currencyExponent: currencyExponentOf(settings.currency) ?? 2,
    }),
  });
  await fileRollup(store, issue, { ...record, value }, settings, now);
  return record;
}

/**
 * Files the saved value in the roll-up store (the epic's contribution and its project's
 * aggregate). The value is saved in Jira by now, so a storage failure here must not report the
 * save as failed: it is logged, and the next event or the daily reconcile repairs the aggregate.
 */
async function fileRollup(
  store: KeyValueStore,
  issue: EpicIssue,
  saved: CurrentValue,
  settings: AppSettings,
  now: Date,
): Promise<void> {
  try {
    const contribution = contributionOf({ issue, settings, current: saved });
    await fileContribution(store, contribution, { now, onlyIfNewer: true });
  } catch (error) {
    console.warn(`The roll-up store missed the save of ${issue.key}; the reconcile will repair it.`, error);
  }
}
