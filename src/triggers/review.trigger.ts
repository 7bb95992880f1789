import { notifyDueReviews } from '../application/reviews/notify-due-reviews';
import { reviewContext } from './review-wiring';

/**
 * Hourly (manifest.yml `value-review-schedule`): tells the owners of every benefit review that
 * fell due. Forge may deliver a scheduled run twice; the notifier tells each review once. It stops
 * taking new reviews after 60 s, well inside the function's 120 s `timeoutSeconds`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/scheduled-trigger/).
 */
export async function notifyBenefitReviews(): Promise<{ statusCode: number }> {
  const outcome = await notifyDueReviews(reviewContext(), { budgetMs: 60_000 });
  // Only what needs a look: reviews left for the next run.
  if (outcome.deferred > 0) console.warn('Benefit reviews left for the next run', outcome);
  return { statusCode: 204 };
}
