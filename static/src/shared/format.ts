/** Display formatting: amounts arrive as decimals in the site currency, ratios as 0.25 = 25%. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string, options: { compact?: boolean } = {}): string {
  const key = `${currency}:${options.compact === true ? 'c' : 'f'}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      ...(options.compact === true
        ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : {}),
    });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A ratio (0.25) as a percentage (25%); an em dash when the KPI cannot be computed. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : percentFormat.format(ratio);
}

/** A value already in percent (25 for 25%), e.g. strategicGoalsAdvancedPct. */
export function formatPercent(percent: number | null): string {
  return percent === null ? '—' : percentFormat.format(percent / 100);
}

/** `2026-03` as "Mar 2026". */
export function formatMonth(month: string | null): string {
  if (month === null) return '—';
  const [year, monthNumber] = month.split('-').map(Number);
  if (year === undefined || monthNumber === undefined) return month;
  return new Date(Date.UTC(year, monthNumber - 1, 1)).toLocaleDateString(undefined, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
