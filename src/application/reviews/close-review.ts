import type { FieldError } from '../../contract/envelope';
import type { EpicReviewsView } from '../../contract/review.contract';
import type { z } from 'zod';
import type { closeReviewInput } from '../../contract/review.contract';
import { localDateOf } from '../../domain/reviews/calendar-date';
import { AppError, badRequest, forbidden, notFound } from '../app-error';
import { writeAudited } from '../admin/audit-log';
import { getEpicValue } from '../epic-value/get-epic-value';
import { saveEpicValue } from '../epic-value/save-epic-value';
import { loadEpic } from '../epic-value/load-epic';
import { siteConfigOf, type PanelContext } from '../epic-value/panel-context';
import { reviewClosedKey, reviewOpenKey } from '../storage-keys';
import { epicReviewsView } from './get-epic-reviews';
import { readEpicReviews, type ReviewClosure } from './review-records';

export type CloseReviewInput = z.output<typeof closeReviewInput>;

/**
 * Records what a benefit review measured and closes it.
 *
 * Who may: anyone with Jira's Edit issues permission on the epic. The benefit owner is who the
 * review asks, but the actuals are realised entries of the epic's value record, and every write to
 * that record goes through the panel's save (`saveEpicValue`): its permission (Edit issues), its
 * verifier rule for `verified` grades, its revision check and its audit trail all apply unchanged.
 * Widening writes to owners without Edit would bypass Jira's own permission scheme, so an owner
 * without it is refused with a message saying so (a project admin grants Edit, or an editor closes
 * the review with the owner's figures).
 *
 * A review closes once it is due (on or after its due date on the site's calendar), and once only.
 * The actuals are saved first; the closure and its audit entry are then written in one
 * transaction, which also removes the review from the due-date index.
 */
export async function closeReview(context: PanelContext, input: CloseReviewInput): Promise<EpicReviewsView> {
  const settings = await siteConfigOf(context).settings();
  const issue = await loadEpic(context.jira, input.issueKey, settings);
  const { schedule, closures } = await readEpicReviews(context.store, issue.id);
  if (schedule.state !== 'read')
    throw notFound(`${issue.key} has no benefit reviews: it is not Done, or names no benefits.`);
  const review = schedule.record.reviews.find((candidate) => candidate.offsetMonths === input.offsetMonths);
  if (review === undefined) {
    throw badRequest(`${issue.key} has no ${String(input.offsetMonths)}-month review.`, [
      {
        path: 'offsetMonths',
        message: `must be one of ${schedule.record.reviews.map((r) => r.offsetMonths).join(', ')}`,
      },
    ]);
  }
  if (!(await context.permissions.canEditIssue(issue.id))) {
    throw forbidden(
      `You need the Edit issues permission in project ${issue.projectKey} to record actuals and close ${issue.key}'s review, even as its benefit owner.`,
    );
  }
  const closure = closures.get(review.offsetMonths);
  if (closure?.state === 'read') {
    throw new AppError(
      'CONFLICT',
      `The ${String(review.offsetMonths)}-month review of ${issue.key} was closed on ${closure.record.at.slice(0, 10)}.`,
    );
  }
  const now = context.clock.now();
  const today = localDateOf(now, schedule.record.timeZone);
  if (today < review.dueDate) {
    throw badRequest(
      `The ${String(review.offsetMonths)}-month review of ${issue.key} is not due until ${review.dueDate}.`,
      [{ path: 'offsetMonths', message: `is not due until ${review.dueDate}` }],
    );
  }

  let revision = input.baseRevision;
  if (input.actuals.length > 0) {
    const view = await getEpicValue(context, { issueKey: issue.key });
    const benefits = view.value.benefits.map((benefit) => ({ ...benefit, realised: [...benefit.realised] }));
    const errors: FieldError[] = [];
    input.actuals.forEach((actual, index) => {
      const benefit = benefits.find((candidate) => candidate.id === actual.benefitId);
      if (benefit === undefined) {
        errors.push({
          path: `actuals[${String(index)}].benefitId`,
          message: `no benefit "${actual.benefitId}" on ${issue.key}`,
        });
        return;
      }
      if (benefit.realised.some((entry) => entry.month === actual.month)) {
        errors.push({
          path: `actuals[${String(index)}].month`,
          message: `${benefit.title} already has a realised amount for ${actual.month}; change it in the Value panel`,
        });
        return;
      }
      const { benefitId: _benefitId, ...entry } = actual;
      benefit.realised.push(entry);
    });
    if (errors.length > 0) throw badRequest('Some actuals are not valid.', errors);
    for (const benefit of benefits) benefit.realised.sort((a, b) => a.month.localeCompare(b.month));
    // Where each actual landed in the value, to name a field the save refuses as the actual's own.
    const pathOfActual = new Map(
      input.actuals.map((actual, index) => {
        const benefitIndex = benefits.findIndex((candidate) => candidate.id === actual.benefitId);
        const realisedIndex = benefits[benefitIndex]?.realised.findIndex(
          (entry) => entry.month === actual.month,
        );
        return [
          `value.benefits[${String(benefitIndex)}].realised[${String(realisedIndex)}].`,
          `actuals[${String(index)}].`,
        ];
      }),
    );
    // The panel's own save: a refusal (a `verified` grade from a non-verifier, a stale revision)
    // is answered as the save answers it, and the review stays open.
    try {
      const saved = await saveEpicValue(context, {
        issueKey: issue.key,
        baseRevision: input.baseRevision,
        value: { ...view.value, benefits },
      });
      revision = saved.revision;
    } catch (error) {
      if (!(error instanceof AppError) || error.fields === undefined) throw error;
      const fields = error.fields.map((field) => {
        const prefix = [...pathOfActual.keys()].find((candidate) => field.path.startsWith(candidate));
        return prefix === undefined
          ? field
          : { ...field, path: `${pathOfActual.get(prefix) ?? ''}${field.path.slice(prefix.length)}` };
      });
      throw new AppError(error.code, error.message, fields, error.details);
    }
  }

  const record: ReviewClosure = {
    schema: 1,
    at: now.toISOString(),
    by: context.accountId,
    note: input.note,
    realisedEntries: input.actuals.length,
    revision,
  };
  await writeAudited(
    context.store,
    {
      set: [
        { key: reviewClosedKey({ issueId: issue.id, offsetMonths: review.offsetMonths }), value: record },
      ],
      delete: [
        reviewOpenKey({ dueDate: review.dueDate, issueId: issue.id, offsetMonths: review.offsetMonths }),
      ],
    },
    {
      at: now,
      by: context.accountId,
      action: `review.close ${issue.key} ${String(review.offsetMonths)}-month`,
      changes: [
        { path: 'state', before: 'open', after: 'closed' },
        { path: 'realisedEntries', before: null, after: input.actuals.length },
        { path: 'note', before: null, after: input.note },
      ],
    },
  );
  return epicReviewsView(await readEpicReviews(context.store, issue.id), issue.key, now);
}
