/** Time, passed into use cases so that they never read the clock themselves. */
export interface Clock {
  now(): Date;
}

/** The calendar month of an instant, `YYYY-MM`, in UTC. */
export function monthOf(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}
