import type { AppSettings } from '../../contract/site-config.schema';
import { isTimeZone } from '../../domain/reviews/calendar-date';
import { reviewSchedule } from '../../domain/reviews/review-schedule';
import type { Clock } from '../ports/clock';
import type { SiteInfo } from '../ports/issue-comments';
import type { EpicIssue } from '../ports/jira-site';
import type { KeyValueStore } from '../ports/key-value-store';
import { reviewOpenKey, reviewScheduleKey } from '../storage-keys';
import type { OpenReviewEntry, ReviewSchedule } from './review-records';

export interface ReviewSchedulingContext {
  store: KeyValueStore;
  clock: Clock;
  siteInfo: SiteInfo;
}

/** The benefit owners named on the epic's stored value record, each once. */
export function ownersOf(issue: EpicIssue): string[] {
  if (issue.stored.state !== 'stored') return [];
  return [
    ...new Set(
      issue.stored.record.value.benefits.flatMap((benefit) =>
        benefit.owner === undefined ? [] : [benefit.owner],
      ),
    ),
  ];
}

/** The site's time zone, or UTC when Jira names one this runtime does not know. */
export async function siteTimeZoneOf(siteInfo: SiteInfo): Promise<string> {
  const zone = await siteInfo.timeZone();
  return isTimeZone(zone) ? zone : 'UTC';
}

/**
 * Schedules the benefit reviews of an epic that is Done, once: at each of the admin's offsets
 * after the Done date on the site's calendar. Only an epic whose value record names benefits has
 * anything to review. The schedule is fixed when written: an epic reopened and done again keeps
 * the reviews of its first Done, and later changes to the offsets apply to epics done later.
 *
 * Safe to run for every event and every sweep: an epic already scheduled is left alone. Two runs
 * racing on the same epic write the same schedule (it follows from the same Jira facts), so the
 * second write changes nothing.
 */
export async function scheduleEpicReviews(
  context: ReviewSchedulingContext,
  issue: EpicIssue,
  settings: AppSettings,
): Promise<'scheduled' | 'already' | 'not-done' | 'no-benefits'> {
  if (issue.status !== 'done' || issue.doneAt == null) return 'not-done';
  if (issue.stored.state !== 'stored' || issue.stored.record.value.benefits.length === 0)
    return 'no-benefits';
  if ((await context.store.get(reviewScheduleKey({ issueId: issue.id }))) !== undefined) return 'already';
  const timeZone = await siteTimeZoneOf(context.siteInfo);
  const reviews = reviewSchedule({
    doneAt: new Date(issue.doneAt),
    offsetsMonths: settings.reviewOffsetsMonths,
    timeZone,
  });
  const schedule: ReviewSchedule = {
    schema: 1,
    issueId: issue.id,
    issueKey: issue.key,
    projectKey: issue.projectKey,
    parentKey: issue.parentKey,
    summary: issue.summary,
    doneAt: issue.doneAt,
    timeZone,
    scheduledAt: context.clock.now().toISOString(),
    reviews,
  };
  // One transaction (at most 13 keys: the schedule and up to 12 offsets), so that no review is
  // scheduled without its entry in the due-date index.
  await context.store.transact({
    set: [
      { key: reviewScheduleKey({ issueId: issue.id }), value: schedule },
      ...reviews.map((review) => ({
        key: reviewOpenKey({ dueDate: review.dueDate, issueId: issue.id, offsetMonths: review.offsetMonths }),
        value: {
          issueId: issue.id,
          issueKey: issue.key,
          projectKey: issue.projectKey,
          parentKey: issue.parentKey,
          summary: issue.summary,
          offsetMonths: review.offsetMonths,
          dueDate: review.dueDate,
        } satisfies OpenReviewEntry,
      })),
    ],
  });
  return 'scheduled';
}

/**
 * `scheduleEpicReviews` for a page of epics (the daily reconcile's sweep, which catches an epic
 * whose Done event was missed): one batched read finds those already scheduled.
 */
export async function scheduleReviewsOf(
  context: ReviewSchedulingContext,
  issues: readonly EpicIssue[],
  settings: AppSettings,
): Promise<number> {
  const candidates = issues.filter(
    (issue) =>
      issue.status === 'done' &&
      issue.doneAt != null &&
      issue.stored.state === 'stored' &&
      issue.stored.record.value.benefits.length > 0,
  );
  if (candidates.length === 0) return 0;
  const existing = await context.store.getMany(
    candidates.map((issue) => reviewScheduleKey({ issueId: issue.id })),
  );
  let scheduled = 0;
  for (const issue of candidates) {
    if (existing.has(reviewScheduleKey({ issueId: issue.id }))) continue;
    if ((await scheduleEpicReviews(context, issue, settings)) === 'scheduled') scheduled++;
  }
  return scheduled;
}
