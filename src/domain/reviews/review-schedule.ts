import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';
import { addMonthsClamped, daysBetween, localDateOf, type CalendarDate } from './calendar-date';

/**
 * How long an open review stays "due" before it counts as "overdue": 30 days from its due date,
 * about a month for the owner to measure and record actuals, the way a monthly benefits report
 * cycle (Managing Benefits' review cadence) would pick it up.
 */
export const REVIEW_GRACE_DAYS = 30;

/** One benefit review of an epic: how many months after Done, and the local date it falls due. */
export interface ScheduledReview {
  readonly offsetMonths: number;
  readonly dueDate: CalendarDate;
}

/**
 * The reviews of an epic that became Done at `doneAt`: one per offset, each due `offsetMonths`
 * calendar months after the Done date as seen in `timeZone` (the site's), month ends clamped
 * (`addMonthsClamped`). Offsets are deduplicated and sorted, so the reviews come out in date order.
 */
export function reviewSchedule({
  doneAt,
  offsetsMonths,
  timeZone,
}: {
  doneAt: Date;
  offsetsMonths: readonly number[];
  timeZone: string;
}): ScheduledReview[] {
  const doneDate = localDateOf(doneAt, timeZone);
  const offsets = [...new Set(offsetsMonths)].sort((a, b) => a - b);
  return offsets.map((offsetMonths) => {
    assert(Number.isInteger(offsetMonths) && offsetMonths >= 1, DOMAIN_MESSAGES.REVIEW_OFFSET_OUT_OF_RANGE);
    return { offsetMonths, dueDate: addMonthsClamped(doneDate, offsetMonths) };
  });
}

/** Where an open review stands on a day: not yet due, due (within the grace), or overdue. */
export type ReviewTiming = 'upcoming' | 'due' | 'overdue';

/**
 * The timing of an open review on `today` (a date in the site's zone): `upcoming` before its due
 * date, `due` from the due date through `REVIEW_GRACE_DAYS` days after it, `overdue` later. A
 * closed review has no timing; callers leave it out.
 */
export function reviewTimingOn(dueDate: CalendarDate, today: CalendarDate): ReviewTiming {
  const late = daysBetween(dueDate, today);
  if (late < 0) return 'upcoming';
  return late <= REVIEW_GRACE_DAYS ? 'due' : 'overdue';
}
