import { useState } from 'react';
import { formatMoney, formatMonth } from '../../shared/format';
import { addMonths, monthsFrom, parseMonth } from '../../shared/months';
import type { EvidenceGrade } from './draft';
import { useForm } from './form';
import { otherCurrencyMessage, parseDecimal } from './numbers';
import { spreadEvenly } from './spread';
import { EvidencePicker, ToolActions, ToolField, ToolPanel, type ToolProps } from './tool-parts';

/** Spreads a total evenly over a range of months, exact to the minor unit. */
export function SpreadTool({ id, label, realised, firstMonth, onApply, onCancel }: ToolProps) {
  const form = useForm();
  const [total, setTotal] = useState('');
  const [from, setFrom] = useState(firstMonth);
  const [to, setTo] = useState(() => addMonths(firstMonth, 11));
  const [evidence, setEvidence] = useState<EvidenceGrade>('estimated');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const spread = () => {
    const found: Record<string, string> = {};
    const parsed = parseDecimal(total, form.decimals, undefined, form.currency);
    if (!parsed.ok || parsed.units <= 0) {
      found['total'] =
        !parsed.ok && parsed.reason === 'currency'
          ? otherCurrencyMessage(total, form.currency)
          : parsed.ok || parsed.reason !== 'decimals'
            ? 'Enter the total to spread, more than 0.'
            : `Use at most ${String(form.decimals)} decimals.`;
    }
    const start = parseMonth(from);
    const end = parseMonth(to);
    if (start === null) found['from'] = 'Enter a month, such as 2026-03.';
    if (end === null) found['to'] = 'Enter a month, such as 2026-12.';
    const months = start !== null && end !== null ? monthsFrom(start, end) : [];
    if (start !== null && end !== null && months.length === 0)
      found['to'] = 'Choose a month on or after the first month.';
    if (months.length > 600) found['to'] = 'Spread over at most 50 years.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.ok || start === null || end === null) return;
    const entries = spreadEvenly(parsed.units, months);
    const each = (entries[0]?.units ?? 0) / 10 ** form.decimals;
    const money = (amount: number) => formatMoney(amount, form.currency);
    onApply(
      entries,
      realised ? evidence : undefined,
      `Spread ${money(parsed.units / 10 ** form.decimals)} over ${String(months.length)} month${months.length === 1 ? '' : 's'}, ${formatMonth(start)} to ${formatMonth(end)} (${money(each)} a month${entries.some((entry) => entry.units !== entries[0]?.units) ? ', the remainder in the last months' : ''}).`,
    );
  };

  return (
    <ToolPanel id={id} label={`Spread a total over ${label.toLowerCase()}`} onCancel={onCancel}>
      <div className="tool-fields">
        <ToolField
          id={`${id}-total`}
          label={`Total (${form.currency})`}
          value={total}
          onChange={setTotal}
          error={errors['total']}
          inputMode="decimal"
        />
        <ToolField
          id={`${id}-from`}
          label="From month"
          value={from}
          onChange={setFrom}
          error={errors['from']}
        />
        <ToolField id={`${id}-to`} label="To month" value={to} onChange={setTo} error={errors['to']} />
        {realised ? <EvidencePicker id={`${id}-evidence`} value={evidence} onChange={setEvidence} /> : null}
      </div>
      <p className="vl-hint">
        Splits the total evenly; leftover cents go to the last months, so the months add up to the total
        exactly. Amounts already in those months are replaced.
      </p>
      <ToolActions applyLabel="Spread" onApply={spread} onCancel={onCancel} />
    </ToolPanel>
  );
}
