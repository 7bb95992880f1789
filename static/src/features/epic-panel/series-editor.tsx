import { Fragment, useId, useState } from 'react';
import { formatMoney, formatMonth } from '../../shared/format';
import { fieldId, getIn, rowKey, type AmountRow, type EvidenceGrade, type RealisedRow } from './draft';
import { focusSoon } from './focus';
import { SelectField, TextField, useForm } from './form';
import { CrossIcon } from './icons';
import { EVIDENCE_OPTIONS } from './labels';
import { parseMonth } from '../../shared/months';
import { mergeEntries, nextMonthOf, totalUnitsOf, type NewEntry } from './series';
import { PasteTool } from './paste-tool';
import { SpreadTool } from './spread-tool';
import { Button } from '../../ui/button';
import { negativeMoney } from './net-benefit';
import { RealisedDetail, stampsOf } from './realised-detail';

type Tool = 'spread' | 'paste' | null;

interface SeriesEditorProps {
  /** e.g. `value.benefits[0].planned`. */
  path: string;
  /** What the series holds, e.g. "Planned benefit". */
  label: string;
  realised?: boolean;
  /** The benefit a realised series belongs to: who recorded and verified its saved entries. */
  benefitId?: string;
  /** A dis-benefit's series: its amounts are taken away from the epic's benefit. */
  negative?: boolean;
  emptyText: string;
}

/** Amounts by month: a row per month, with "spread a total" and "paste from a spreadsheet". */
export function SeriesEditor({
  path,
  label,
  realised = false,
  benefitId,
  negative = false,
  emptyText,
}: SeriesEditorProps) {
  const form = useForm();
  const [tool, setTool] = useState<Tool>(null);
  const rows = (getIn(form.draft, path) ?? []) as AmountRow[];
  const ids = useId();
  const toolId = `${ids}-tool`;
  const addId = `${ids}-add`;
  const openerId = (which: 'spread' | 'paste') => `${ids}-${which}`;
  // A tool closed by Cancel or Escape gives the focus back to the button that opened it.
  const closeTool = () => {
    if (tool !== null) focusSoon(openerId(tool));
    setTool(null);
  };
  const totalUnits = totalUnitsOf(rows, form.decimals, form.currency);
  const verifyNoteId = `${ids}-verify`;
  const evidenceOptions = EVIDENCE_OPTIONS.map((option) =>
    option.value === 'verified' && !form.verify.allowed ? { ...option, disabled: true } : option,
  );
  const columns = (realised ? 3 : 2) + (form.readOnly ? 0 : 1);

  const addRow = () => {
    const month = nextMonthOf(rows, form.asOf);
    const row: AmountRow = { key: rowKey(), month, amount: '' };
    const added = realised
      ? ({ ...row, evidence: 'estimated', note: '', evidenceLink: '' } satisfies RealisedRow)
      : row;
    form.update(path, (old) => [...(old as AmountRow[]), added]);
    focusSoon(fieldId(`${path}[${String(rows.length)}].amount`));
  };

  const removeRow = (index: number) => {
    const month = parseMonth(rows[index]?.month ?? '');
    form.update(path, (old) => (old as AmountRow[]).filter((_, at) => at !== index));
    form.announce(
      `Removed ${month === null ? `row ${String(index + 1)}` : formatMonth(month)} from ${label.toLowerCase()}.`,
    );
    // The row that moved up into this place, or the add button when it was the last row.
    focusSoon(index < rows.length - 1 ? fieldId(`${path}[${String(index)}].amount`) : addId);
  };

  const apply = (entries: readonly NewEntry[], evidence: EvidenceGrade | undefined, what: string) => {
    const merged = mergeEntries(rows, entries, {
      decimals: form.decimals,
      ...(evidence === undefined ? {} : { evidence }),
    });
    form.update(path, () => merged.rows);
    const replaced =
      merged.replaced === 0
        ? ''
        : ` ${String(merged.replaced)} month${merged.replaced === 1 ? ' was' : 's were'} replaced.`;
    form.announce(`${what}${replaced}`);
    setTool(null);
  };

  return (
    <div
      className={`series${realised ? ' series--realised' : ''}`}
      role="group"
      aria-labelledby={`${ids}-title`}
    >
      <div className="series-heading">
        <h4 id={`${ids}-title`} className="series-title">
          {label}
        </h4>
        <span className="series-total">
          {rows.length === 0
            ? ''
            : `${negative ? negativeMoney(totalUnits, form.decimals, form.currency) : formatMoney(totalUnits / 10 ** form.decimals, form.currency)} total`}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="series-empty">{emptyText}</p>
      ) : (
        <table className={`series-table${realised ? ' has-evidence' : ''}`}>
          <caption className="vl-visually-hidden">{label} by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Amount ({form.currency})</th>
              {realised ? <th scope="col">Evidence</th> : null}
              {form.readOnly ? null : (
                <th scope="col" className="series-remove">
                  <span className="vl-visually-hidden">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const month = parseMonth(row.month);
              const which = month === null ? `row ${String(index + 1)}` : formatMonth(month);
              const rowPath = `${path}[${String(index)}]`;
              return (
                <Fragment key={row.key}>
                  <tr className={realised ? 'series-row has-detail' : 'series-row'}>
                    <td>
                      <TextField
                        path={`${rowPath}.month`}
                        label={`${label}: month of row ${String(index + 1)}`}
                        labelHidden
                        kind="month"
                        placeholder="YYYY-MM"
                      />
                    </td>
                    <td>
                      <TextField
                        path={`${rowPath}.amount`}
                        label={`${label}: amount for ${which}`}
                        labelHidden
                        kind="amount"
                      />
                    </td>
                    {realised ? (
                      <td>
                        <SelectField
                          path={`${rowPath}.evidence`}
                          label={`${label}: evidence for ${which}`}
                          labelHidden
                          options={evidenceOptions}
                          describedBy={form.verify.allowed ? undefined : verifyNoteId}
                        />
                      </td>
                    ) : null}
                    {form.readOnly ? null : (
                      <td className="series-remove">
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={`Remove ${which} from ${label.toLowerCase()}`}
                          onClick={() => {
                            removeRow(index);
                          }}
                        >
                          <CrossIcon />
                        </button>
                      </td>
                    )}
                  </tr>
                  {realised ? (
                    <tr className="series-detail">
                      <td colSpan={columns}>
                        <RealisedDetail
                          rowPath={rowPath}
                          which={which}
                          label={label}
                          stamps={stampsOf(form.saved, benefitId, month)}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {realised && !form.verify.allowed && form.verify.reason !== null ? (
        <p id={verifyNoteId} className="series-note">
          “Verified” cannot be chosen here. {form.verify.reason}
        </p>
      ) : null}
      {form.readOnly ? null : (
        <div className="series-actions">
          <Button appearance="subtle" id={addId} onClick={addRow}>
            Add month
          </Button>
          <Button
            appearance="subtle"
            id={openerId('spread')}
            aria-expanded={tool === 'spread'}
            aria-controls={tool === 'spread' ? toolId : undefined}
            onClick={() => {
              setTool(tool === 'spread' ? null : 'spread');
            }}
          >
            Spread a total…
          </Button>
          <Button
            appearance="subtle"
            id={openerId('paste')}
            aria-expanded={tool === 'paste'}
            aria-controls={tool === 'paste' ? toolId : undefined}
            onClick={() => {
              setTool(tool === 'paste' ? null : 'paste');
            }}
          >
            Paste from spreadsheet…
          </Button>
        </div>
      )}
      {tool === 'spread' ? (
        <SpreadTool
          id={toolId}
          label={label}
          realised={realised}
          firstMonth={parseMonth(rows[0]?.month ?? '') ?? form.asOf}
          onApply={apply}
          onCancel={closeTool}
        />
      ) : null}
      {tool === 'paste' ? (
        <PasteTool
          id={toolId}
          label={label}
          realised={realised}
          firstMonth={nextMonthOf(rows, form.asOf)}
          onApply={apply}
          onCancel={closeTool}
        />
      ) : null}
    </div>
  );
}
