import { parseEpicValue, type EpicValueDocument } from '../../contract/epic-value.schema';
import type { EpicValueView, SaveConflict } from '../../contract/panel.contract';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import type { FieldError } from '../../contract/envelope';
import { AppError, badRequest, forbidden } from '../app-error';
import { monthOf } from '../ports/clock';
import type { EpicIssue } from '../ports/jira-site';
import { commitRevision, RevisionTakenError } from './commit-revision';
import { stampedValue } from './stamp-value';
import { epicValueView } from './epic-value-view';
import { EMPTY_VALUE } from './epic-value-view';
import { currentValueOf, loadEpic, unreadableReasonOf, type CurrentValue } from './load-epic';
import type { PanelContext } from './panel-context';
import { loadPanelEpic } from './panel-epic';
import { unreadableRecordOf } from './unreadable-record';

/**
 * The epic as the save that won the race left it. The winner may still be writing when the loser
 * finds out, so Jira is asked again a few times until the next revision shows; the loser then
 * sees what it lost to, not its own starting point.
 */
async function winnersVersion(
  context: PanelContext,
  issue: EpicIssue,
  settings: AppSettings,
): Promise<EpicIssue> {
  const startedFrom = currentValueOf(issue, settings.currency).revision;
  let latest = await loadEpic(context.jira, issue.key, settings);
  for (
    let attempt = 0;
    attempt < 5 && currentValueOf(latest, settings.currency).revision === startedFrom;
    attempt++
  ) {
    await context.sleep(200);
    latest = await loadEpic(context.jira, issue.key, settings);
  }
  return latest;
}

/** Links must name a known objective; a newly linked one must also be active. */
function objectiveLinkErrors(
  value: EpicValueDocument,
  previous: EpicValueDocument,
  objectives: readonly StoredObjective[],
): FieldError[] {
  const byId = new Map(objectives.map((objective) => [objective.id, objective]));
  const linkedBefore = new Set(previous.objectives.map((link) => link.id));
  return value.objectives.flatMap((link, index): FieldError[] => {
    const objective = byId.get(link.id);
    const path = `value.objectives[${index}].id`;
    if (objective === undefined) return [{ path, message: `unknown objective "${link.id}"` }];
    if (objective.status === 'archived' && !linkedBefore.has(link.id)) {
      return [{ path, message: `objective ${link.id} is archived; pick an active objective` }];
    }
    return [];
  });
}

/**
 * Saves an epic's value record for a user with Edit permission on it.
 *
 * Who recorded and who verified each realised entry comes from the server, a new `verified`
 * grade needs a verifier, and the approved baseline stays as stored (`stampedValue`).
 *
 * No lost updates: the save names the revision it was based on. If the stored revision moved on,
 * or another save claims the next revision first (see `commitRevision`), the answer is
 * `CONFLICT` with the record as it now is, and nothing is written. A stored record the app cannot
 * read is replaced only by a save that names it (`overwriteUnreadable`), under the same rules.
 */
/**
 * The starting point of an overwrite of a record the app cannot read, which the user confirmed
 * for the content named by `fingerprint`. Anything else, a readable record or content changed
 * since, is refused and nothing is written.
 */
async function overwriteStart(
  context: PanelContext,
  issue: EpicIssue,
  settings: AppSettings,
  fingerprint: string,
): Promise<CurrentValue> {
  const reason = unreadableReasonOf(issue, settings.currency);
  if (reason === null) {
    throw new AppError(
      'CONFLICT',
      `The value record on ${issue.key} can be read now, so it was not overwritten. Reload the panel to see it.`,
    );
  }
  const unreadable = await unreadableRecordOf({
    jira: context.jira,
    store: context.store,
    issue,
    reason,
    canEdit: true,
  });
  if (unreadable.fingerprint !== fingerprint) {
    throw new AppError(
      'CONFLICT',
      `The value record on ${issue.key} changed since you were shown it, so it was not overwritten. Reload the panel to see what it holds now.`,
    );
  }
  return { revision: unreadable.revision, updatedAt: null, updatedBy: null, value: EMPTY_VALUE };
}

export async function saveEpicValue(
  context: PanelContext,
  input: {
    issueKey: string;
    baseRevision: number;
    value: unknown;
    overwriteUnreadable?: { fingerprint: string } | undefined;
  },
): Promise<EpicValueView> {
  const { settings, objectives, issue, canEdit, roles } = await loadPanelEpic(context, input.issueKey);
  if (!canEdit) {
    throw forbidden(
      `You need the Edit issues permission in project ${issue.projectKey} to change ${issue.key}'s value.`,
    );
  }

  const parsed = parseEpicValue(input.value, { currency: settings.currency });
  if (!parsed.success) {
    throw badRequest(
      'Some fields are not valid.',
      parsed.issues.map((issue) => ({
        path: `value.${issue.path}`.replace('.(root)', ''),
        message: issue.message,
      })),
    );
  }
  const overwrite = input.overwriteUnreadable;
  const current =
    overwrite === undefined
      ? currentValueOf(issue, settings.currency)
      : await overwriteStart(context, issue, settings, overwrite.fingerprint);
  const linkErrors = objectiveLinkErrors(parsed.data, current.value, objectives);
  if (linkErrors.length > 0) throw badRequest('Some objective links are not valid.', linkErrors);

  const now = context.clock.now();
  const asOf = monthOf(now);
  const conflict = (latest: EpicIssue, latestValue = currentValueOf(latest, settings.currency)) => {
    const details: SaveConflict = {
      current: epicValueView({
        issue: latest,
        stored: latestValue,
        settings,
        objectives,
        asOf,
        canEdit: true,
        roles,
      }),
    };
    return new AppError(
      'CONFLICT',
      `${latestValue.updatedBy === null ? 'Someone' : 'Another user'} saved ${issue.key} while you were editing. Review their version and apply your changes again.`,
      undefined,
      details,
    );
  };
  if (current.revision !== input.baseRevision) {
    if (overwrite !== undefined)
      throw new AppError('CONFLICT', `${issue.key} changed since you were shown it. Reload the panel.`);
    throw conflict(issue, current);
  }

  const value = await stampedValue({
    accountId: context.accountId,
    callerIsVerifier: () => Promise.resolve(roles.canVerify),
    settings,
    value: parsed.data,
    previous: current.value,
    now,
    prefix: 'value.',
  });

  let record: Awaited<ReturnType<typeof commitRevision>>;
  try {
    record = await commitRevision(context, { issue, current, value, settings, now, asOf });
  } catch (error) {
    if (error instanceof RevisionTakenError && overwrite !== undefined)
      throw new AppError(
        'CONFLICT',
        `Someone else replaced the value record on ${issue.key} at the same moment. Reload the panel to see theirs.`,
      );
    if (error instanceof RevisionTakenError) throw conflict(await winnersVersion(context, issue, settings));
    throw error;
  }
  const saved = { ...issue, stored: { state: 'stored' as const, record } };
  return epicValueView({
    issue: saved,
    stored: { ...record, value },
    settings,
    objectives,
    asOf,
    canEdit: true,
    roles,
  });
}
