import type { Scope } from '../../contract/gadget.contract';
import { MAX_REVIEW_ROWS, type DueReviewRow, type ReviewsDueView } from '../../contract/review.contract';
import { localDateOf } from '../../domain/reviews/calendar-date';
import { reviewTimingOn } from '../../domain/reviews/review-schedule';
import { badRequest } from '../app-error';
import type { Clock } from '../ports/clock';
import type { SiteInfo } from '../ports/issue-comments';
import type { KeyValueStore } from '../ports/key-value-store';
import { viewerProjects, type Viewer } from '../rollup/viewer-projects';
import { reviewNoticeKey } from '../storage-keys';
import { openReviewsDueBy } from './open-reviews';
import { readNotice } from './review-records';
import { siteTimeZoneOf } from './schedule-epic-reviews';

export interface ReviewsDueContext {
  store: KeyValueStore;
  clock: Clock;
  siteInfo: SiteInfo;
  viewer: Viewer;
}

/**
 * The open benefit reviews that fell due in a gadget's scope, as of today on the site's calendar:
 * how many are due (within 30 days of their date) and overdue, and the list behind both, only of
 * projects the viewer may browse. Scopes by project and programme are answered from the review
 * index; objective and JQL scopes are refused with a message, because the index does not know
 * them and a count of another scope would be false.
 */
export async function reviewsDue(
  context: ReviewsDueContext,
  { scope }: { scope: Scope },
): Promise<ReviewsDueView> {
  if (scope.kind === 'objectives' || scope.kind === 'jql') {
    throw badRequest(
      'Benefit reviews are counted for all projects, projects or programmes, not for this scope.',
      [{ path: 'scope.kind', message: 'must be all, projects or programmes for benefit reviews' }],
    );
  }
  const now = context.clock.now();
  const [timeZone, browsable] = await Promise.all([
    siteTimeZoneOf(context.siteInfo),
    viewerProjects(context.store, context.viewer, now),
  ]);
  const today = localDateOf(now, timeZone);
  const visible = new Set(browsable);
  const inScope = (entry: { projectKey: string; parentKey: string | null }) =>
    visible.has(entry.projectKey) &&
    (scope.kind === 'all' ||
      (scope.kind === 'projects' && scope.projects.includes(entry.projectKey)) ||
      (scope.kind === 'programmes' &&
        entry.parentKey !== null &&
        scope.programmes.includes(entry.parentKey)));
  const entries = (await openReviewsDueBy(context.store, today)).filter(inScope);
  const notices = await context.store.getMany(
    entries.slice(0, MAX_REVIEW_ROWS * 2).map((entry) => reviewNoticeKey(entry)),
  );
  const rows: DueReviewRow[] = entries.map((entry) => {
    const notice = readNotice(notices.get(reviewNoticeKey(entry)));
    return {
      issueKey: entry.issueKey,
      summary: entry.summary,
      projectKey: entry.projectKey,
      offsetMonths: entry.offsetMonths,
      dueDate: entry.dueDate,
      state: reviewTimingOn(entry.dueDate, today) === 'overdue' ? 'overdue' : 'due',
      owners: notice.state === 'read' && notice.record.state === 'sent' ? notice.record.owners : [],
    };
  });
  // Overdue first (they are the oldest, and the index is in due-date order already).
  const overdue = rows.filter((row) => row.state === 'overdue').length;
  return {
    asOf: today,
    due: rows.length - overdue,
    overdue,
    reviews: rows.slice(0, MAX_REVIEW_ROWS),
    total: rows.length,
  };
}
