import { formatMoney } from '../../../shared/format';

/**
 * An amount of money, compact ("€992.4K") with the exact amount in its title and as the
 * machine-readable value. One unbreakable unit: the figure never wraps away from its suffix.
 */
export function Figure({ amount, currency }: { amount: number; currency: string }) {
  return (
    <data className="vl-figure" value={String(amount)} title={formatMoney(amount, currency)}>
      {formatMoney(amount, currency, { compact: true })}
    </data>
  );
}
