import { useState } from 'react';
import { formatMoney, formatMonth } from '../../shared/format';
import type { EvidenceGrade } from './draft';
import { FieldError, useForm } from './form';
import { EVIDENCE_OPTIONS } from './labels';
import { addMonths, monthsFrom, parseMonth } from '../../shared/months';
import { otherCurrencyMessage, parseDecimal } from './numbers';
import { parsePaste } from './paste';
import type { NewEntry } from './series';
import { spreadEvenly } from './spread';
import { Button } from '../../ui/button';

export interface ToolProps {
  id: string;
  label: string;
  realised: boolean;
  firstMonth: string;
  onApply: (entries: readonly NewEntry[], evidence: EvidenceGrade | undefined, what: string) => void;
  onCancel: () => void;
}

/** A small labelled input of a tool panel, with its own error. */
function ToolField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  inputMode,
  multiline = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  inputMode?: 'decimal';
  multiline?: boolean;
}) {
  const describedBy = hint === undefined ? `${id}-error` : `${id}-hint ${id}-error`;
  const common = {
    id,
    value,
    'aria-invalid': error === undefined ? undefined : true,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`vl-field${multiline ? ' form-wide' : ''}`}>
      <label htmlFor={id} className="vl-label">
        {label}
      </label>
      {multiline ? (
        <textarea
          {...common}
          className="vl-input vl-textarea"
          rows={5}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          className={inputMode === undefined ? 'vl-input' : 'vl-input vl-input--number'}
          autoComplete="off"
          inputMode={inputMode}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
      {hint === undefined ? null : (
        <div id={`${id}-hint`} className="vl-hint">
          {hint}
        </div>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function EvidencePicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: EvidenceGrade;
  onChange: (value: EvidenceGrade) => void;
}) {
  return (
    <div className="vl-field">
      <label htmlFor={id} className="vl-label">
        Evidence
      </label>
      <select
        id={id}
        className="vl-input vl-select"
        value={value}
        onChange={(event) => {
          onChange(event.target.value as EvidenceGrade);
        }}
      >
        {EVIDENCE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A tool's two buttons: apply what was entered, or close the tool. */
function ToolActions({
  applyLabel,
  onApply,
  onCancel,
}: {
  applyLabel: string;
  onApply: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="tool-actions">
      <Button appearance="primary" onClick={onApply}>
        {applyLabel}
      </Button>
      <Button appearance="subtle" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

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
    <div
      id={id}
      className="tool-panel"
      role="group"
      aria-label={`Spread a total over ${label.toLowerCase()}`}
    >
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
    </div>
  );
}

/** Adds amounts pasted from a spreadsheet. */
export function PasteTool({ id, label, realised, firstMonth, onApply, onCancel }: ToolProps) {
  const form = useForm();
  const [text, setText] = useState('');
  const [start, setStart] = useState(firstMonth);
  const [evidence, setEvidence] = useState<EvidenceGrade>('estimated');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = () => {
    const first = parseMonth(start);
    const result = parsePaste(text, { firstMonth: first, decimals: form.decimals, currency: form.currency });
    if (!result.ok) {
      setErrors(
        first === null && start.trim() !== ''
          ? { start: 'Enter a month, such as 2026-03.' }
          : { text: result.message },
      );
      return;
    }
    setErrors({});
    const months = result.entries.map((entry) => entry.month).sort();
    const sum = result.entries.reduce((total, entry) => total + entry.units, 0) / 10 ** form.decimals;
    onApply(
      result.entries,
      realised ? evidence : undefined,
      `Added ${String(result.entries.length)} month${result.entries.length === 1 ? '' : 's'} (${formatMonth(months[0] ?? null)} to ${formatMonth(months.at(-1) ?? null)}), ${formatMoney(sum, form.currency)} in total.`,
    );
  };

  return (
    <div
      id={id}
      className="tool-panel"
      role="group"
      aria-label={`Paste ${label.toLowerCase()} from a spreadsheet`}
    >
      <ToolField
        id={`${id}-text`}
        label="Amounts"
        value={text}
        onChange={setText}
        error={errors['text']}
        hint="Copy a column or a row of cells, or months and amounts side by side, and paste them here. 1,234.50 and 1.234,50 both work."
        multiline
      />
      <div className="tool-fields">
        <ToolField
          id={`${id}-start`}
          label="First month"
          value={start}
          onChange={setStart}
          error={errors['start']}
          hint="For amounts pasted without months."
        />
        {realised ? <EvidencePicker id={`${id}-evidence`} value={evidence} onChange={setEvidence} /> : null}
      </div>
      <ToolActions applyLabel="Add amounts" onApply={add} onCancel={onCancel} />
    </div>
  );
}
