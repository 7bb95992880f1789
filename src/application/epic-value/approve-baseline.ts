import type { EpicValueView } from '../../contract/panel.contract';
import { nextBaseline } from '../../domain/model/baseline';
import { appendAudit } from '../admin/audit-log';
import { AppError, badRequest, forbidden } from '../app-error';
import { roleHolders } from '../authority/value-roles';
import { monthOf } from '../ports/clock';
import { keepReplacedBaseline } from './baseline-history';
import { commitRevision, RevisionTakenError } from './commit-revision';
import { epicValueView } from './epic-value-view';
import { currentValueOf } from './load-epic';
import type { PanelContext } from './panel-context';
import { loadPanelEpic } from './panel-epic';

/**
 * Freezes the epic's plan, as stored at `baseRevision`, as its approved baseline (Managing
 * Benefits' approved business case), for an approver: a member of the approver group the admin
 * chose, or a Jira administrator while none is chosen. Re-baselining needs a reason; the baseline
 * it replaces is filed in the baseline history first (`keepReplacedBaseline`), as the value record
 * carries only the current one. The record is written as the next revision under the same rules
 * as a save (`commitRevision`: no lost update, Jira's size limit, the roll-up), then the approval
 * is added to the audit log. A plan changed since the approver saw it is not approved (`CONFLICT`).
 */
export async function approveBaseline(
  context: PanelContext,
  input: { issueKey: string; baseRevision: number; reason?: string | undefined },
): Promise<EpicValueView> {
  const { settings, objectives, issue, canEdit, roles } = await loadPanelEpic(context, input.issueKey);
  if (!roles.canApproveBaseline)
    throw forbidden(
      `Only ${roleHolders(settings.approverGroupId, 'approver')} can approve an epic's plan as its baseline.`,
    );
  if (!canEdit)
    throw forbidden(
      `You need the Edit issues permission in project ${issue.projectKey} to approve ${issue.key}'s plan.`,
    );
  const current = currentValueOf(issue, settings.currency);
  if (current.revision !== input.baseRevision)
    throw new AppError(
      'CONFLICT',
      `${issue.key}'s plan changed since you were shown it, so it was not approved. Reload the panel, review the plan, then approve it.`,
    );
  const now = context.clock.now();
  const previous = current.value.baseline;
  const next = nextBaseline({
    plan: current.value,
    previous,
    approvedBy: context.accountId,
    approvedAt: now.toISOString(),
    reason: input.reason,
  });
  if ('refused' in next) {
    if (next.refused === 'REASON_REQUIRED') {
      const message = `is required: ${issue.key} has an approved baseline (version ${String(previous?.version ?? 0)}); say why the plan is baselined again`;
      throw badRequest(`A reason ${message}.`, [{ path: 'reason', message }]);
    }
    throw badRequest(
      `${issue.key} has no planned benefit or cost to approve. Plan it first, then approve it.`,
      [{ path: 'value.benefits', message: 'has no planned amounts, nor has the planned cost' }],
    );
  }
  const baseline = {
    ...next.baseline,
    benefits: next.baseline.benefits.map((benefit) => ({ ...benefit, planned: [...benefit.planned] })),
    plannedCost: [...next.baseline.plannedCost],
  };
  await keepReplacedBaseline(context.store, { issueId: issue.id, replaced: previous, by: baseline });
  const value = { ...current.value, baseline };
  const asOf = monthOf(now);
  let record: Awaited<ReturnType<typeof commitRevision>>;
  try {
    record = await commitRevision(context, { issue, current, value, settings, now, asOf });
  } catch (error) {
    if (error instanceof RevisionTakenError)
      throw new AppError(
        'CONFLICT',
        `Someone saved ${issue.key} at the same moment, so its plan was not approved. Reload the panel, review the plan, then approve it.`,
      );
    throw error;
  }
  try {
    await appendAudit(context.store, {
      at: now,
      by: context.accountId,
      action: `baseline.approved ${issue.key}`,
      changes: [
        { path: 'baseline.version', before: previous?.version ?? null, after: next.baseline.version },
        ...(next.baseline.reason === undefined
          ? []
          : [{ path: 'baseline.reason', before: previous?.reason ?? null, after: next.baseline.reason }]),
      ],
    });
  } catch (error) {
    throw new AppError(
      'SAVE_INCOMPLETE',
      `${issue.key}'s plan was approved as baseline version ${String(next.baseline.version)}, but the approval could not be added to the audit log: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return epicValueView({
    issue: { ...issue, stored: { state: 'stored', record } },
    stored: { ...record, value },
    settings,
    objectives,
    asOf,
    canEdit,
    roles,
  });
}
