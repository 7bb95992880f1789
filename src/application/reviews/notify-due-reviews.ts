import { z } from 'zod';
import { localDateOf } from '../../domain/reviews/calendar-date';
import type { IssueComments } from '../ports/issue-comments';
import type { JiraSite } from '../ports/jira-site';
import { reviewClaimKey, reviewNoticeKey } from '../storage-keys';
import { openReviewsDueBy } from './open-reviews';
import { REVIEW_COMMENT_PROPERTY, reviewDueComment } from './review-comment';
import { noticeKeyOf, readNotice, type OpenReviewEntry, type ReviewNotice } from './review-records';
import { ownersOf, siteTimeZoneOf, type ReviewSchedulingContext } from './schedule-epic-reviews';

export interface ReviewNotifierContext extends ReviewSchedulingContext {
  /** Jira as the app: it reads every epic, whoever its owners are. */
  jira: Pick<JiraSite, 'getIssue'>;
  comments: IssueComments;
}

/** What the review comment's property holds: the notice's idempotency key and who was mentioned. */
const commentPropertySchema = z.object({ key: z.string(), owners: z.array(z.string()).default([]) });

/**
 * A claim lasts longer than a run may (Forge stops a scheduled function after its timeoutSeconds,
 * 120 here), so that only a crashed run's claim expires, and a redelivered run waits for it.
 */
const CLAIM_TTL_SECONDS = 300;

export interface NotifyOutcome {
  /** Reviews whose owners were told now. */
  notified: number;
  /** Reviews a crashed run had told already: found by their comment and marked, not told again. */
  recovered: number;
  /** Reviews left for the next run because this one ran out of time or another run holds them. */
  deferred: number;
}

async function findPosted(
  comments: IssueComments,
  issueId: string,
  key: string,
): Promise<{ commentId: string; owners: string[] } | null> {
  for (const comment of await comments.withProperty(issueId, REVIEW_COMMENT_PROPERTY)) {
    const property = commentPropertySchema.safeParse(comment.property);
    if (property.success && property.data.key === key)
      return { commentId: comment.id, owners: property.data.owners };
  }
  return null;
}

/**
 * Tells the benefit owners of every review that fell due (on the site's calendar) and was not told
 * yet, with one comment on the epic that mentions them. Exactly once, whatever is redelivered or
 * crashes (docs/adr/0006-review-notifications.md):
 *
 * - a claim key (`setIfAbsent`) keeps two runs from handling one review at the same time;
 * - before posting, the notice is stored as `sending` with its idempotency key, and the comment
 *   carries that key as a comment property; after posting, the notice is stored as `sent`;
 * - a run that finds `sending` (an earlier run stopped between posting and marking, or before
 *   posting) looks on the epic for a comment with that key and only posts when there is none.
 *
 * Stops starting new reviews after `budgetMs`, well inside the function's timeout; the rest wait
 * for the next run.
 */
export async function notifyDueReviews(
  context: ReviewNotifierContext,
  { budgetMs = 60_000 }: { budgetMs?: number } = {},
): Promise<NotifyOutcome> {
  const started = context.clock.now().getTime();
  const timeZone = await siteTimeZoneOf(context.siteInfo);
  const today = localDateOf(context.clock.now(), timeZone);
  const due = await openReviewsDueBy(context.store, today);
  const notices = await context.store.getMany(due.map((entry) => reviewNoticeKey(entry)));
  const outcome: NotifyOutcome = { notified: 0, recovered: 0, deferred: 0 };
  for (const entry of due) {
    const notice = readNotice(notices.get(reviewNoticeKey(entry)));
    if (notice.state === 'read' && notice.record.state === 'sent') continue;
    if (notice.state === 'unreadable') {
      console.warn('Left a review notice this version cannot read', reviewNoticeKey(entry));
      continue;
    }
    if (context.clock.now().getTime() - started > budgetMs) {
      outcome.deferred++;
      continue;
    }
    try {
      const result = await notifyOne(context, entry);
      if (result === 'deferred') outcome.deferred++;
      if (result === 'notified') outcome.notified++;
      if (result === 'recovered') outcome.recovered++;
    } catch (error) {
      // One epic Jira refuses must not keep the others' owners waiting; the next run retries it.
      console.error(`Could not notify the owners of review ${reviewNoticeKey(entry)}`, error);
      outcome.deferred++;
    }
  }
  return outcome;
}

async function notifyOne(
  context: ReviewNotifierContext,
  entry: OpenReviewEntry,
): Promise<'notified' | 'recovered' | 'deferred' | 'skipped'> {
  const claimKey = reviewClaimKey(entry);
  const now = () => context.clock.now().toISOString();
  if (!(await context.store.setIfAbsent(claimKey, { at: now() }, { ttlSeconds: CLAIM_TTL_SECONDS })))
    return 'deferred';
  try {
    // Read again under the claim: the run that held it before may have finished this review.
    const notice = readNotice(await context.store.get(reviewNoticeKey(entry)));
    if (notice.state === 'unreadable') return 'skipped';
    if (notice.state === 'read' && notice.record.state === 'sent') return 'skipped';
    const key = noticeKeyOf(entry.issueId, entry.offsetMonths);
    const sent = (commentId: string, owners: string[]): ReviewNotice => ({
      schema: 1,
      state: 'sent',
      key,
      at: now(),
      commentId,
      owners,
    });
    if (notice.state === 'read') {
      const posted = await findPosted(context.comments, entry.issueId, key);
      if (posted !== null) {
        await context.store.set(reviewNoticeKey(entry), sent(posted.commentId, posted.owners));
        return 'recovered';
      }
    }
    const issue = await context.jira.getIssue(entry.issueId);
    // A deleted epic has no one to tell and nowhere to comment; its review stays listed as open.
    if (issue === null) return 'skipped';
    const owners = ownersOf(issue);
    const sending: ReviewNotice = { schema: 1, state: 'sending', key, startedAt: now() };
    await context.store.set(reviewNoticeKey(entry), sending);
    const commentId = await context.comments.add(
      entry.issueId,
      reviewDueComment({ owners, offsetMonths: entry.offsetMonths, dueDate: entry.dueDate }),
      { key: REVIEW_COMMENT_PROPERTY, value: { key, owners } },
    );
    await context.store.set(reviewNoticeKey(entry), sent(commentId, owners));
    return 'notified';
  } finally {
    await context.store.delete(claimKey);
  }
}
