/**
 * The site's clock. The app and the emulators run in this one process and read `Date`, as the
 * app's own code does on Forge, so moving the site's time moves `Date` for the process: once moved,
 * `new Date()` and `Date.now()` answer the real time plus the offset, for the app, Jira (created,
 * updated, resolution dates) and storage (TTLs) alike. Real time keeps running underneath.
 * Only one site in a process should move its clock; closing the site puts the real clock back.
 */
const RealDate = globalThis.Date;
let offsetMs = 0;

class SiteDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string | number | Date]));
  }

  static override now(): number {
    return RealDate.now() + offsetMs;
  }

  // Dates made before the clock moved (or by Node itself) are still dates.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof RealDate;
  }
}

export class SiteClock {
  /** How far the site's time is ahead of real time, in ms. */
  get offsetMs(): number {
    return offsetMs;
  }

  /** The site's time now. */
  now(): Date {
    return new RealDate(RealDate.now() + offsetMs);
  }

  /** Moves the site's time forward by `ms` (never back: Jira's and storage's times only grow). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`The site clock moves forward only; got ${String(ms)} ms`);
    offsetMs += ms;
    globalThis.Date = SiteDate as DateConstructor;
  }

  /** Puts the real clock back (the site closing does this). */
  reset(): void {
    offsetMs = 0;
    globalThis.Date = RealDate;
  }
}
