import { useState } from 'react';
import { formatMoney, formatMonth } from '../../shared/format';
import { parseMonth } from '../../shared/months';
import type { EvidenceGrade } from './draft';
import { useForm } from './form';
import { parsePaste } from './paste';
import { EvidencePicker, ToolActions, ToolField, ToolPanel, type ToolProps } from './tool-parts';

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
    <ToolPanel id={id} label={`Paste ${label.toLowerCase()} from a spreadsheet`} onCancel={onCancel}>
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
    </ToolPanel>
  );
}
