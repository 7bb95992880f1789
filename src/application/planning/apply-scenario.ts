import type { AppliedScenarioView, ApplyScenarioInput } from '../../contract/planning.contract';
import type { AppSettings } from '../../contract/site-config.schema';
import type { ValueDecisionChoice } from '../../domain/model/value-decision';
import { appendAudit } from '../admin/audit-log';
import { AppError, badRequest, forbidden, notFound } from '../app-error';
import { commitRevision, RevisionTakenError } from '../epic-value/commit-revision';
import { isEpic } from '../epic-value/epic-value-view';
import { currentValueOf, type CurrentValue } from '../epic-value/load-epic';
import type { PanelContext } from '../epic-value/panel-context';
import { monthOf } from '../ports/clock';
import type { EpicIssue, RawValueProperty } from '../ports/jira-site';
import { contributionOf } from '../rollup/contribution';
import { syncEpicFields } from '../rollup/epic-field-values';
import { fileContribution } from '../rollup/file-contribution';
import { SiteConfig } from '../site-config';
import { epicHistoryKey, revisionClaimKey } from '../storage-keys';

/** What applying a scenario needs: the panel's adapters, as the caller. */
export type ApplyScenarioContext = Pick<
  PanelContext,
  'accountId' | 'jira' | 'permissions' | 'store' | 'clock' | 'rollupQueue' | 'epicFields'
>;

/** Jira answers at most 100 issues per bulk read. */
const BULK_READ_SIZE = 100;
/** Epics written side by side; a batch settles whole before a failure stops the rest. */
const WRITE_CONCURRENCY = 8;
/** A put-back's fence outlives the resolver invocation (25 s), as a save's claim does. */
const FENCE_TTL_SECONDS = 60;
/** How many epic keys a message names before it says "and N more". */
const KEYS_NAMED = 20;

export function keysText(keys: readonly string[]): string {
  const named = keys.slice(0, KEYS_NAMED).join(', ');
  return keys.length > KEYS_NAMED ? `${named} and ${String(keys.length - KEYS_NAMED)} more` : named;
}

export function reasonOf(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : 'an unexpected error occurred.';
}

/** One epic to write: the issue, its record as the user saw it, its property as Jira held it. */
export interface Planned {
  issue: EpicIssue;
  current: CurrentValue;
  choice: ValueDecisionChoice;
  raw?: RawValueProperty;
}

export async function readIssues(
  context: ApplyScenarioContext,
  keys: readonly string[],
): Promise<Map<string, EpicIssue>> {
  const found = new Map<string, EpicIssue>();
  for (let start = 0; start < keys.length; start += BULK_READ_SIZE) {
    for (const issue of await context.jira.getIssues(keys.slice(start, start + BULK_READ_SIZE)))
      found.set(issue.key, issue);
  }
  return found;
}

/**
 * Every check before anything is written: each epic exists, is an epic the caller may edit, has a
 * readable record, and still holds the revision the caller saw. Refuses naming every epic at fault.
 */
export async function planOf(
  context: ApplyScenarioContext,
  input: ApplyScenarioInput,
  settings: AppSettings,
): Promise<Planned[]> {
  const issues = await readIssues(
    context,
    input.decisions.map((decision) => decision.issueKey),
  );
  const missing = input.decisions.filter((decision) => !issues.has(decision.issueKey));
  if (missing.length > 0)
    throw notFound(
      `${keysText(missing.map((d) => d.issueKey))} ${missing.length === 1 ? 'was' : 'were'} not found, or you do not have permission to see ${missing.length === 1 ? 'it' : 'them'}. Nothing was applied.`,
    );
  const found = input.decisions.map((decision) => ({
    decision,
    issue: issues.get(decision.issueKey) as EpicIssue,
  }));
  const notEpics = found.filter(({ issue }) => !isEpic(issue, settings));
  if (notEpics.length > 0)
    throw badRequest(
      `${keysText(notEpics.map(({ issue }) => issue.key))} ${notEpics.length === 1 ? 'is not an epic' : 'are not epics'}, so no decision can be recorded. Nothing was applied.`,
    );
  const editable = await context.permissions.editableIssueIds(found.map(({ issue }) => issue.id));
  const refused = found.filter(({ issue }) => !editable.has(issue.id));
  if (refused.length > 0)
    throw forbidden(
      `You need the Edit issues permission on ${keysText(refused.map(({ issue }) => issue.key))} to record the scenario's decision. Nothing was applied.`,
    );
  const unreadable: string[] = [];
  const changed: string[] = [];
  const planned: Planned[] = [];
  for (const { decision, issue } of found) {
    let current: CurrentValue;
    try {
      current = currentValueOf(issue, settings.currency);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      unreadable.push(issue.key);
      continue;
    }
    if (current.revision !== decision.baseRevision) changed.push(issue.key);
    planned.push({ issue, current, choice: decision.choice });
  }
  if (unreadable.length > 0)
    throw new AppError(
      'UNREADABLE_RECORD',
      `The value records of ${keysText(unreadable)} cannot be read, so no decision can be recorded on them. Nothing was applied; repair them from their Value panel first.`,
    );
  if (changed.length > 0)
    throw new AppError(
      'CONFLICT',
      `${keysText(changed)} changed since the scenario was computed. Nothing was applied; run the scenario again, then apply it.`,
      undefined,
      { changed },
    );
  return planned;
}

/**
 * Puts one written epic back byte for byte as Jira held it before, while it still holds the
 * application's revision: the next revision is claimed first, as a save would, so a save made
 * since is never overwritten (it is reported instead). The application's history entry and
 * claim go with it. Answers whether the epic is back.
 */
export async function putBack(
  context: ApplyScenarioContext,
  epic: {
    issue: Pick<EpicIssue, 'id' | 'key'>;
    current: Pick<CurrentValue, 'revision'>;
    raw: RawValueProperty;
  },
  now: Date,
): Promise<boolean> {
  const written = epic.current.revision + 1;
  const fence = revisionClaimKey({ issueId: epic.issue.id, revision: written + 1 });
  try {
    const fenced = await context.store.setIfAbsent(
      fence,
      { by: context.accountId, at: now.toISOString() },
      { ttlSeconds: FENCE_TTL_SECONDS },
    );
    if (!fenced) return false;
    const outcome = await context.jira.restoreRawValue(epic.issue.id, epic.raw);
    if (outcome !== 'written') return false;
    await context.store.delete(epicHistoryKey({ issueId: epic.issue.id, revision: written }));
    await context.store.delete(revisionClaimKey({ issueId: epic.issue.id, revision: written }));
    await context.store.delete(fence);
    return true;
  } catch (error) {
    console.warn(`Applying a scenario could not put ${epic.issue.key} back.`, error);
    return false;
  }
}

/** Refiles the roll-up entries and Jira fields of epics put back, as Jira now holds them. */
export async function refileRestored(
  context: ApplyScenarioContext,
  keys: readonly string[],
  settings: AppSettings,
  now: Date,
): Promise<void> {
  try {
    const restored = await readIssues(context, keys);
    for (const issue of restored.values())
      await fileContribution(context.store, contributionOf({ issue, settings }), { now });
    await syncEpicFields(
      context.epicFields,
      [...restored.values()].map((issue) => ({ issue })),
      settings,
      now,
    );
  } catch (error) {
    // The queued refreshes of the writes refile these entries within minutes.
    console.warn('Applying a scenario could not refile the roll-up of the epics it put back.', error);
  }
}

/**
 * Undoes every epic written so far, newest first, then refiles their roll-up entries and Jira
 * fields as Jira now holds them. Answers the keys of epics that could not be put back.
 */
async function rollBack(
  context: ApplyScenarioContext,
  written: readonly (Planned & { raw: RawValueProperty })[],
  settings: AppSettings,
  now: Date,
): Promise<string[]> {
  const left: string[] = [];
  for (const epic of [...written].reverse())
    if (!(await putBack(context, epic, now))) left.push(epic.issue.key);
  await refileRestored(
    context,
    written.map((epic) => epic.issue.key).filter((key) => !left.includes(key)),
    settings,
    now,
  );
  return left;
}

/** The one `planning` audit entry of an application: the scenario, who, when and the counts. */
export async function appendApplyAudit(
  context: Pick<ApplyScenarioContext, 'store' | 'accountId'>,
  scenario: string,
  epics: number,
  counts: AppliedScenarioView['counts'],
  now: Date,
): Promise<void> {
  await appendAudit(context.store, {
    at: now,
    by: context.accountId,
    action: `planning.applied ${scenario}`,
    changes: [
      { path: 'scenario', before: null, after: scenario },
      { path: 'epics', before: null, after: epics },
      ...Object.entries(counts).map(([choice, count]) => ({
        path: `decisions.${choice}`,
        before: null,
        after: count,
      })),
    ],
  });
}

/**
 * Applies a value planning scenario (issue #16): records its decision for each epic (choice,
 * scenario name, who, when) in the epic's value record, as a new revision with its history entry
 * (`commitRevision`: no lost update, the roll-up, the Jira fields including "Value decision"),
 * then adds one `planning` entry to the audit log. It never transitions an issue: the decision is
 * a record for the people who act on it.
 *
 * All or nothing. Everything is checked before the first write: every epic must exist, be an
 * epic, be editable by the caller (`FORBIDDEN` naming those that are not) and still hold the
 * revision the caller saw (`CONFLICT` naming those that changed). Should a write, a concurrent
 * save, or the audit entry fail after that, each epic written is put back byte for byte as Jira
 * held it (as a failed import is, `readRawValue`/`restoreRawValue`) and the answer names the epic
 * that failed and why. Only when an epic cannot be put back (someone saved it meanwhile, or Jira
 * refuses) is the answer `SAVE_INCOMPLETE`, naming the epics left with the decision.
 */
export async function applyScenario(
  context: ApplyScenarioContext,
  input: ApplyScenarioInput,
): Promise<AppliedScenarioView> {
  const settings = await new SiteConfig(context.store).settings();
  const planned = await planOf(context, input, settings);
  const now = context.clock.now();
  const at = now.toISOString();
  const asOf = monthOf(now);
  const written: (Planned & { raw: RawValueProperty })[] = [];
  const revisions = new Map<string, number>();
  // Set inside the writes' closures, so typed by a cast: flow analysis does not see those.
  let failure = null as { key: string; reason: string; code: 'CONFLICT' | 'UPSTREAM' } | null;

  const write = async (epic: Planned): Promise<void> => {
    const { issue, current, choice, raw } = epic;
    if (failure !== null || raw === undefined) return;
    try {
      const record = await commitRevision(context, {
        issue,
        current,
        value: {
          ...current.value,
          decision: { choice, scenario: input.scenario, by: context.accountId, at },
        },
        settings,
        now,
        asOf,
      });
      written.push({ ...epic, raw });
      revisions.set(issue.key, record.revision);
    } catch (error) {
      if (error instanceof AppError && error.code === 'SAVE_INCOMPLETE') {
        // Written, but its roll-up lagged (or the outcome is unknown): put it back with the rest.
        written.push({ ...epic, raw });
      }
      failure ??=
        error instanceof RevisionTakenError
          ? { key: issue.key, reason: 'someone saved it at the same moment', code: 'CONFLICT' }
          : { key: issue.key, reason: reasonOf(error), code: 'UPSTREAM' };
    }
  };
  for (let start = 0; start < planned.length && failure === null; start += WRITE_CONCURRENCY) {
    const batch = planned.slice(start, start + WRITE_CONCURRENCY);
    // The raw property is read before each write, so that the epic can be put back byte for byte.
    await Promise.all(
      batch.map(async (epic) => {
        epic.raw = await context.jira.readRawValue(epic.issue.id).catch(() => undefined);
        if (epic.raw === undefined && failure === null)
          failure = { key: epic.issue.key, reason: 'its value property could not be read', code: 'UPSTREAM' };
      }),
    );
    await Promise.all(batch.map(write));
  }

  const counts: AppliedScenarioView['counts'] = {};
  for (const epic of planned) counts[epic.choice] = (counts[epic.choice] ?? 0) + 1;
  if (failure === null) {
    try {
      await appendApplyAudit(context, input.scenario, planned.length, counts, now);
    } catch (error) {
      failure = { key: 'the audit log', reason: reasonOf(error), code: 'UPSTREAM' };
    }
  }
  if (failure !== null) {
    const { key, reason, code } = failure;
    const left = await rollBack(context, written, settings, now);
    if (left.length > 0)
      throw new AppError(
        'SAVE_INCOMPLETE',
        `Scenario “${input.scenario}” could not be applied to ${key}: ${reason} The epics already written were put back except ${keysText(left)}, which still record its decision (someone saved them since, or Jira refused). Reload to see what is stored.`,
        undefined,
        { failed: key, left },
      );
    throw new AppError(
      code,
      `Scenario “${input.scenario}” could not be applied to ${key}: ${reason} Nothing was applied; every epic is as it was.`,
      undefined,
      { failed: key },
    );
  }
  return {
    scenario: input.scenario,
    appliedAt: at,
    appliedBy: context.accountId,
    epics: planned.map((epic) => ({
      issueKey: epic.issue.key,
      choice: epic.choice,
      revision: revisions.get(epic.issue.key) ?? epic.current.revision + 1,
    })),
    counts,
  };
}
