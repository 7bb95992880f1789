import type { Scope } from '../../../../../src/contract/gadget.contract';
import { GADGET } from '../../../../../src/contract/resolver-keys';
// Types only: review.contract.ts builds zod schemas, which the gadget bundle must not carry.
import type { ReviewsDueView } from '../../../../../src/contract/review.contract';
import { callResolver } from '../../../shared/resolver-client';
import { useResource, type LoadedResource } from '../../../shared/use-resource';

export function getReviewsDue(scope: Scope) {
  return callResolver<ReviewsDueView>(GADGET.getReviewsDue, { scope });
}

/**
 * The benefit reviews due and overdue in a scope. `refreshKey` changes when the dashboard asks
 * its gadgets to refresh, so the counts are fetched again with the rest of the gadget.
 */
export function useReviewsDue(scope: Scope, refreshKey: string): LoadedResource<ReviewsDueView> {
  return useResource(JSON.stringify([scope, refreshKey]), () => getReviewsDue(scope));
}

/**
 * The server refuses scopes its review index cannot count (objectives, JQL) with a bad request
 * that says so: that is an answer to show in place of figures, not a failure to retry.
 */
export const isRefusedScope = (error: { code: string }): boolean => error.code === 'BAD_REQUEST';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A site-local calendar date (`YYYY-MM-DD`) as the viewer's locale writes it, with no zone shift. */
export function formatDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return date;
  const time = Date.UTC(year, month - 1, day);
  return Number.isNaN(time) ? date : dayFormat.format(time);
}
