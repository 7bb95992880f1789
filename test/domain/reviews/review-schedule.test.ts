import fc from 'fast-check';
import { DomainInvariantError } from '../../../src/domain';
import {
  addMonthsClamped,
  daysBetween,
  daysInMonth,
  localDateOf,
} from '../../../src/domain/reviews/calendar-date';
import {
  REVIEW_GRACE_DAYS,
  reviewSchedule,
  reviewTimingOn,
} from '../../../src/domain/reviews/review-schedule';

describe('addMonthsClamped', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-03-31', 6, '2026-09-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-08-31', 6, '2027-02-28'],
  ])('returns %s + %i months = %s (last day of a shorter month)', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('throws for a date that does not exist', () => {
    expect(() => addMonthsClamped('2026-02-30', 1)).toThrow(DomainInvariantError);
  });

  it('lands in exactly the month `months` later, on the same day or the last day of that month', () => {
    const dates = fc
      .record({
        year: fc.integer({ min: 1900, max: 2190 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.nat(),
      })
      .map(({ year, month, day }) => ({ year, month, day: (day % daysInMonth(year, month)) + 1 }));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 120 }), ({ year, month, day }, months) => {
        const text = `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const [y, m, d] = addMonthsClamped(text, months).split('-').map(Number) as [number, number, number];
        expect(y * 12 + m - (year * 12 + month)).toBe(months);
        expect(d).toBe(Math.min(day, daysInMonth(y, m)));
      }),
    );
  });
});

describe('localDateOf', () => {
  it('returns the site-local date of an instant near midnight UTC', () => {
    const instant = new Date('2026-01-31T23:30:00Z');
    expect(localDateOf(instant, 'UTC')).toBe('2026-01-31');
    expect(localDateOf(instant, 'Europe/Berlin')).toBe('2026-02-01');
    expect(localDateOf(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
  });

  it('throws for a time zone the runtime does not know', () => {
    expect(() => localDateOf(new Date(), 'Mars/Olympus')).toThrow(DomainInvariantError);
  });
});

describe('reviewSchedule', () => {
  it('returns one review per offset, dated in the site zone, month ends clamped', () => {
    expect(
      reviewSchedule({
        doneAt: new Date('2026-01-31T10:00:00Z'),
        offsetsMonths: [3, 6, 12],
        timeZone: 'UTC',
      }),
    ).toEqual([
      { offsetMonths: 3, dueDate: '2026-04-30' },
      { offsetMonths: 6, dueDate: '2026-07-31' },
      { offsetMonths: 12, dueDate: '2027-01-31' },
    ]);
  });

  it('returns dates from the next local day when Done falls after local midnight', () => {
    // 23:30 UTC on 31 January is already 1 February in Sydney (UTC+11 in summer).
    expect(
      reviewSchedule({
        doneAt: new Date('2026-01-31T23:30:00Z'),
        offsetsMonths: [1],
        timeZone: 'Australia/Sydney',
      }),
    ).toEqual([{ offsetMonths: 1, dueDate: '2026-03-01' }]);
    expect(
      reviewSchedule({ doneAt: new Date('2026-01-31T23:30:00Z'), offsetsMonths: [1], timeZone: 'UTC' }),
    ).toEqual([{ offsetMonths: 1, dueDate: '2026-02-28' }]);
  });

  it('returns strictly later dates for later offsets, whatever the Done instant and zone', () => {
    const zones = fc.constantFrom(
      'UTC',
      'Europe/London',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
    );
    const offsets = fc.uniqueArray(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 12 });
    const instants = fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2150, 0, 1) })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(instants, offsets, zones, (doneAt, offsetsMonths, timeZone) => {
        const reviews = reviewSchedule({ doneAt, offsetsMonths, timeZone });
        expect(reviews.map((review) => review.offsetMonths)).toEqual(
          [...offsetsMonths].sort((a, b) => a - b),
        );
        const dates = reviews.map((review) => review.dueDate);
        dates.slice(1).forEach((date, index) => {
          expect(daysBetween(dates[index] ?? '', date)).toBeGreaterThan(0);
        });
        expect(daysBetween(localDateOf(doneAt, timeZone), dates[0] ?? '')).toBeGreaterThanOrEqual(28);
      }),
    );
  });

  it('throws for an offset below one month', () => {
    expect(() =>
      reviewSchedule({ doneAt: new Date('2026-01-01T00:00:00Z'), offsetsMonths: [0], timeZone: 'UTC' }),
    ).toThrow(DomainInvariantError);
  });
});

describe('reviewTimingOn', () => {
  it('returns upcoming before the due date, due from it through the grace, overdue after', () => {
    expect(reviewTimingOn('2026-04-30', '2026-04-29')).toBe('upcoming');
    expect(reviewTimingOn('2026-04-30', '2026-04-30')).toBe('due');
    expect(reviewTimingOn('2026-04-30', '2026-05-30')).toBe('due');
    expect(REVIEW_GRACE_DAYS).toBe(30);
    expect(reviewTimingOn('2026-04-30', '2026-05-31')).toBe('overdue');
  });
});
