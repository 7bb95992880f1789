import { useId, useState } from 'react';
import type { FieldError } from '../../../../src/contract/envelope';
import type { EpicValueView } from '../../../../src/contract/panel.contract';
import type { EpicReviewsView } from '../../../../src/contract/review.contract';
import { parseMonth } from '../../shared/months';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { MonthInput } from '../../ui/month-input';
import { SectionMessage } from '../../ui/section-message';
import { closeReview, type ReviewActualInput } from './api';
import type { EvidenceGrade } from './draft';
import { focusSoon } from './focus';
import { EvidenceOptions } from './evidence-options';
import { parseDecimal } from './numbers';
import { HTTPS_LINK_MESSAGE, isHttpsLink } from './validate';
import { verifyRuleOf } from './verify-rule';

/** One actual as typed: the amount stays text until it is read with the site currency's rules. */
export interface ActualRow {
  key: number;
  benefitId: string;
  month: string;
  amount: string;
  evidence: EvidenceGrade;
  /** An https link to the evidence; '' for none. */
  evidenceLink: string;
  note: string;
}

/** What is wrong with the form, by the server's path (`actuals[0].amount`, `note`). */
export type CloseErrors = Readonly<Record<string, string>>;

/** The contract's limit on a link (httpsLinkSchema), restated so zod stays out of the bundle. */
const MAX_LINK = 2000;

/**
 * The actuals as the server takes them, or the errors that keep them from being sent: a benefit,
 * a month, and a non-negative amount in the currency's decimals on every row, and an evidence
 * link, when there is one, that is https (the server's rule, `httpsLinkSchema`).
 */
export function readActuals(
  rows: readonly ActualRow[],
  currency: string,
  decimals: number,
): { actuals: ReviewActualInput[]; errors: CloseErrors } {
  const errors: Record<string, string> = {};
  const actuals: ReviewActualInput[] = [];
  rows.forEach((row, index) => {
    const at = `actuals[${String(index)}]`;
    const month = parseMonth(row.month);
    const amount = parseDecimal(row.amount, decimals, undefined, currency);
    if (row.benefitId === '') errors[`${at}.benefitId`] = 'Choose the benefit this was measured for.';
    if (month === null) errors[`${at}.month`] = 'Enter the month it was measured for, e.g. 2027-03.';
    if (!amount.ok) {
      errors[`${at}.amount`] =
        amount.reason === 'empty'
          ? 'Enter the amount measured.'
          : amount.reason === 'decimals'
            ? `Use at most ${String(decimals)} decimals.`
            : amount.reason === 'currency'
              ? `Amounts are in ${currency}.`
              : 'Enter a number, e.g. 1200.50.';
    } else if (amount.units < 0) {
      errors[`${at}.amount`] = 'Enter 0 or more; a dis-benefit is measured as a positive amount.';
    }
    const evidenceLink = row.evidenceLink.trim();
    if (evidenceLink.length > MAX_LINK)
      errors[`${at}.evidenceLink`] = `Use at most ${MAX_LINK.toLocaleString('en')} characters.`;
    else if (evidenceLink !== '' && !isHttpsLink(evidenceLink))
      errors[`${at}.evidenceLink`] = HTTPS_LINK_MESSAGE;
    if (month === null || !amount.ok || row.benefitId === '' || errors[`${at}.evidenceLink`] !== undefined)
      return;
    const note = row.note.trim();
    actuals.push({
      benefitId: row.benefitId,
      month,
      amount: amount.units / 10 ** decimals,
      evidence: row.evidence,
      ...(note === '' ? {} : { note }),
      ...(evidenceLink === '' ? {} : { evidenceLink }),
    });
  });
  return { actuals, errors };
}

/** The server's field errors, by path, with the field's own words (`amount: must be …`). */
function errorsByPath(fields: readonly FieldError[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.path, field.message]));
}

/** The fields of an actual row, in the order they are shown (the first one wrong takes focus). */
export const FIELDS = ['benefitId', 'month', 'amount', 'evidence', 'evidenceLink', 'note'] as const;

interface ReviewCloseFormProps {
  issueKey: string;
  offsetMonths: number;
  view: EpicValueView;
  decimals: number;
  onClosed: (reviews: EpicReviewsView, actuals: number) => void;
  onCancel: () => void;
}

/**
 * The dialog that records what a due review measured and closes it: actual rows (benefit, month,
 * amount, evidence, evidence link, note) and what the review found. "Verified" is offered only to
 * verifiers, as in the realised entries; a link must be https, as the server requires; a refusal
 * is shown next to the field it names, the rest above the buttons.
 */
export function ReviewCloseForm({
  issueKey,
  offsetMonths,
  view,
  decimals,
  onClosed,
  onCancel,
}: ReviewCloseFormProps) {
  const ids = useId();
  const fieldId = (index: number, field: string) => `${ids}-actual-${String(index)}-${field}`;
  const noteId = `${ids}-note`;
  const messageId = `${ids}-message`;
  const benefits = view.value.benefits;
  const verify = verifyRuleOf(view);
  const [rows, setRows] = useState<ActualRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<CloseErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (index: number, patch: Partial<ActualRow>) => {
    setRows((old) => old.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  };
  const addRow = () => {
    setRows((old) => [
      ...old,
      {
        key: nextKey,
        benefitId: benefits[0]?.id ?? '',
        month: view.asOf,
        amount: '',
        evidence: 'measured',
        evidenceLink: '',
        note: '',
      },
    ]);
    setNextKey((key) => key + 1);
    focusSoon(fieldId(rows.length, 'benefitId'));
  };
  const removeRow = (index: number) => {
    setRows((old) => old.filter((_, at) => at !== index));
    setErrors({});
  };

  const firstErrorId = (found: CloseErrors): string | null => {
    if (found['note'] !== undefined) return noteId;
    for (const [index] of rows.entries()) {
      for (const field of FIELDS) {
        if (found[`actuals[${String(index)}].${field}`] !== undefined) return fieldId(index, field);
      }
    }
    return null;
  };

  const submit = async () => {
    const read = readActuals(rows, view.currency, decimals);
    if (Object.keys(read.errors).length > 0) {
      setErrors(read.errors);
      setMessage(null);
      focusSoon(firstErrorId(read.errors) ?? messageId);
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    const answer = await closeReview({
      issueKey,
      offsetMonths,
      baseRevision: view.revision,
      actuals: read.actuals,
      note: note.trim(),
    });
    setBusy(false);
    if (answer.ok) {
      onClosed(answer.data, read.actuals.length);
      return;
    }
    const found = errorsByPath(answer.error.fields ?? []);
    setErrors(found);
    setMessage(answer.error.message);
    focusSoon(firstErrorId(found) ?? messageId);
  };

  const hidden = (index: number) => (
    <span className="vl-visually-hidden"> for actual {String(index + 1)}</span>
  );
  return (
    <Modal
      title={`Close the ${String(offsetMonths)}-month review`}
      onClose={() => {
        if (!busy) onCancel();
      }}
      actions={
        <>
          <Button appearance="subtle" disabled={busy} onClick={onCancel}>
            Cancel
          </Button>
          <Button appearance="primary" busy={busy} onClick={() => void submit()}>
            Close review
          </Button>
        </>
      }
    >
      <p className="section-hint">
        Record what was measured; each actual is saved as a realised amount of its benefit.
      </p>
      <ol className="review-actuals">
        {rows.map((row, index) => {
          const error = (field: string) => errors[`actuals[${String(index)}].${field}`];
          return (
            <li key={row.key} className="review-actual">
              <div className="form-row">
                <Field
                  id={fieldId(index, 'benefitId')}
                  label={<>Benefit{hidden(index)}</>}
                  error={error('benefitId')}
                  className="form-grow"
                >
                  {(control) => (
                    <select
                      {...control}
                      className="vl-input vl-select"
                      value={row.benefitId}
                      onChange={(event) => {
                        change(index, { benefitId: event.target.value });
                      }}
                    >
                      {benefits.map((benefit) => (
                        <option key={benefit.id} value={benefit.id}>
                          {benefit.kind === 'dis_benefit' ? `${benefit.title} (dis-benefit)` : benefit.title}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field id={fieldId(index, 'month')} label={<>Month{hidden(index)}</>} error={error('month')}>
                  {(control) => (
                    <MonthInput
                      {...control}
                      value={row.month}
                      onChange={(month) => {
                        change(index, { month });
                      }}
                    />
                  )}
                </Field>
                <Field
                  id={fieldId(index, 'amount')}
                  label={
                    <>
                      Amount ({view.currency}){hidden(index)}
                    </>
                  }
                  error={error('amount')}
                >
                  {(control) => (
                    <input
                      {...control}
                      className="vl-input vl-input--number"
                      inputMode="decimal"
                      autoComplete="off"
                      value={row.amount}
                      onChange={(event) => {
                        change(index, { amount: event.target.value });
                      }}
                    />
                  )}
                </Field>
                <Field
                  id={fieldId(index, 'evidence')}
                  label={<>Evidence{hidden(index)}</>}
                  error={error('evidence')}
                  hint={verify.reason ?? undefined}
                >
                  {(control) => (
                    <select
                      {...control}
                      className="vl-input vl-select"
                      value={row.evidence}
                      onChange={(event) => {
                        change(index, { evidence: event.target.value as EvidenceGrade });
                      }}
                    >
                      <EvidenceOptions canVerify={verify.allowed} />
                    </select>
                  )}
                </Field>
              </div>
              <div className="form-row">
                <Field
                  id={fieldId(index, 'evidenceLink')}
                  label={<>Evidence link{hidden(index)}</>}
                  error={error('evidenceLink')}
                  className="form-grow"
                >
                  {(control) => (
                    <input
                      {...control}
                      className="vl-input"
                      inputMode="url"
                      autoComplete="off"
                      spellCheck={false}
                      maxLength={MAX_LINK}
                      value={row.evidenceLink}
                      onChange={(event) => {
                        change(index, { evidenceLink: event.target.value });
                      }}
                    />
                  )}
                </Field>
                <Field
                  id={fieldId(index, 'note')}
                  label={<>Note{hidden(index)}</>}
                  error={error('note')}
                  className="form-grow"
                >
                  {(control) => (
                    <input
                      {...control}
                      className="vl-input"
                      maxLength={2000}
                      value={row.note}
                      onChange={(event) => {
                        change(index, { note: event.target.value });
                      }}
                    />
                  )}
                </Field>
                <Button
                  appearance="subtle"
                  destructive
                  className="review-actual-remove"
                  onClick={() => {
                    removeRow(index);
                  }}
                >
                  Remove actual {String(index + 1)}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {benefits.length === 0 ? (
        <p className="section-hint">The epic names no benefits, so there is nothing to record.</p>
      ) : (
        <Button appearance="default" onClick={addRow}>
          Add an actual
        </Button>
      )}
      <Field
        id={noteId}
        label="What the review found"
        error={errors['note']}
        hint="Kept with the closed review."
      >
        {(control) => (
          <textarea
            {...control}
            className="vl-input vl-textarea"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
            }}
          />
        )}
      </Field>
      {message === null ? null : (
        <SectionMessage appearance="error" id={messageId} tabIndex={-1}>
          <p>{message}</p>
        </SectionMessage>
      )}
    </Modal>
  );
}
