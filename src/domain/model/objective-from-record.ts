import { minorUnits, type CurrencyExponent, type MinorUnits } from '../money/minor-units';
import { roundHalfEven } from '../money/round-half-even';
import { isYearMonth } from '../time/year-month';
import type { Objective } from './objective';

/**
 * A target amount in minor units. A target is a threshold, not booked money, so where a stored
 * amount does not fit the currency (an older record, or the site currency changed to one with
 * fewer decimals since) it is rounded half-to-even rather than refused, and one beyond every
 * total the engine can hold (2^53 minor units) is held at that bound: unreachable either way.
 */
function targetMinorUnits(amount: number, currencyExponent: CurrencyExponent): MinorUnits {
  const minor = roundHalfEven(Math.max(0, amount) * 10 ** currencyExponent);
  return minorUnits(
    Number.isFinite(minor) ? Math.min(minor, Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER,
  );
}

/**
 * Converts an objective as written in a document or stored by the admin page (target amount in
 * decimals of the site currency) to the engine's model (minor units). Fields the engine does not
 * use (a stored objective's owner, description, parent) are left out. A target whose date has no
 * real month (`2026-13-01`: only records older than the admin page's date check can hold one) is
 * left out too, so that one bad record shows as "no target" instead of failing every view.
 */
export function objectiveFromRecord({
  objective,
  currencyExponent,
}: {
  objective: Objective<number>;
  currencyExponent: CurrencyExponent;
}): Objective {
  const stored = objective.target ?? null;
  const target = stored !== null && isYearMonth(stored.date.slice(0, 7)) ? stored : null;
  return {
    id: objective.id,
    name: objective.name,
    status: objective.status,
    weight: objective.weight,
    target:
      target === null
        ? null
        : {
            measure: target.measure,
            amount: targetMinorUnits(target.amount, currencyExponent),
            date: target.date,
          },
  };
}
