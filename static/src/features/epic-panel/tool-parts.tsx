import type { KeyboardEvent, ReactNode } from 'react';
import { Button } from '../../ui/button';
import type { EvidenceGrade } from './draft';
import { FieldError, useForm } from './form';
import { EvidenceOptions } from './evidence-options';
import type { NewEntry } from './series';

/*
 * The parts the series tools (spread a total, paste from a spreadsheet) share: their props, a
 * labelled input with its own error, the evidence picker, and the panel that holds them.
 */

export interface ToolProps {
  id: string;
  label: string;
  realised: boolean;
  firstMonth: string;
  onApply: (entries: readonly NewEntry[], evidence: EvidenceGrade | undefined, what: string) => void;
  onCancel: () => void;
}

/** A small labelled input of a tool panel, with its own error. */
export function ToolField({
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

export function EvidencePicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: EvidenceGrade;
  onChange: (value: EvidenceGrade) => void;
}) {
  const { verify } = useForm();
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
        <EvidenceOptions canVerify={verify.allowed} />
      </select>
    </div>
  );
}

/** A tool's two buttons: apply what was entered, or close the tool. */
export function ToolActions({
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

/**
 * The inline panel a tool opens under its series: a named group that Escape closes, as Cancel
 * does.
 */
export function ToolPanel({
  id,
  label,
  onCancel,
  children,
}: {
  id: string;
  label: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <div
      id={id}
      className="tool-panel"
      role="group"
      aria-label={label}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onCancel();
      }}
    >
      {children}
    </div>
  );
}
