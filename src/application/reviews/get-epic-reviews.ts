import type { EpicReviewsView, ReviewState } from '../../contract/review.contract';
import { localDateOf } from '../../domain/reviews/calendar-date';
import { reviewTimingOn } from '../../domain/reviews/review-schedule';
import { loadEpic } from '../epic-value/load-epic';
import { siteConfigOf, type PanelContext } from '../epic-value/panel-context';
import { readEpicReviews } from './review-records';

/** The view of what is stored about an epic's reviews, as of `now` on the site's calendar. */
export function epicReviewsView(
  stored: Awaited<ReturnType<typeof readEpicReviews>>,
  issueKey: string,
  now: Date,
): EpicReviewsView {
  const { schedule, notices, closures } = stored;
  if (schedule.state !== 'read') return { issueKey, doneAt: null, timeZone: null, reviews: [] };
  const today = localDateOf(now, schedule.record.timeZone);
  return {
    issueKey,
    doneAt: schedule.record.doneAt,
    timeZone: schedule.record.timeZone,
    reviews: schedule.record.reviews.map((review) => {
      const notice = notices.get(review.offsetMonths);
      const closure = closures.get(review.offsetMonths);
      const closed = closure?.state === 'read' ? closure.record : null;
      const state: ReviewState = closed === null ? reviewTimingOn(review.dueDate, today) : 'closed';
      return {
        offsetMonths: review.offsetMonths,
        dueDate: review.dueDate,
        state,
        notified:
          notice?.state === 'read' && notice.record.state === 'sent'
            ? { at: notice.record.at, commentId: notice.record.commentId, owners: notice.record.owners }
            : null,
        closed:
          closed === null
            ? null
            : { at: closed.at, by: closed.by, note: closed.note, realisedEntries: closed.realisedEntries },
      };
    }),
  };
}

/** The epic's benefit reviews, for anyone who may browse it. */
export async function getEpicReviews(
  context: PanelContext,
  { issueKey }: { issueKey: string },
): Promise<EpicReviewsView> {
  const settings = await siteConfigOf(context).settings();
  const issue = await loadEpic(context.jira, issueKey, settings);
  return epicReviewsView(await readEpicReviews(context.store, issue.id), issue.key, context.clock.now());
}
