import { createContext, use, type ReactNode } from 'react';
import type { EpicValueDocument } from '../../../../src/contract/epic-value.schema';
import type { RangeDefaults } from '../../../../src/contract/panel.contract';
import type { PickableUser } from '../../ui/user-picker';
import { fieldId, getIn, type Draft } from './draft';
import { ErrorIcon } from './icons';
import type { FieldErrors } from './validate';

/** How a field's text is tidied when the user leaves it (`decimal`: a measure's number, kept as typed). */
export type FieldKind = 'text' | 'amount' | 'month' | 'percent' | 'count' | 'decimal';

export interface FormApi {
  draft: Draft;
  /** The errors to show now (client errors of touched fields, or all after a save attempt, and the server's). */
  errors: FieldErrors;
  readOnly: boolean;
  currency: string;
  decimals: number;
  asOf: string;
  setField(path: string, value: string): void;
  leaveField(path: string, kind: FieldKind): void;
  /** A structural change (rows added or removed): the server's field errors no longer line up. */
  update(path: string, change: (old: unknown) => unknown): void;
  announce(message: string): void;
  /** Which cards are open, by key (`benefit:<id>`, `costs:planned`). */
  expanded: ReadonlySet<string>;
  setExpanded(key: string, open: boolean): void;
  /** The record as last saved: who recorded and who verified each realised entry. */
  saved: EpicValueDocument;
  /** A Jira user's display name, or their account id until Jira names them. */
  nameOf: (accountId: string) => string;
  /** Jira users to pick a benefit owner from. */
  searchUsers: (query: string) => Promise<PickableUser[]>;
  /** Keeps the name of someone just picked. */
  rememberUser(user: PickableUser): void;
  /** Whether the viewer may grade an entry "Verified", and if not, why. */
  verify: { allowed: boolean; reason: string | null };
  /** What a blank range means, by evidence grade (issue #17). */
  rangeDefaults: RangeDefaults;
}

export const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const form = use(FormContext);
  if (!form) throw new Error('useForm needs a FormContext provider.');
  return form;
}

/** The message under a field; always present, so screen readers hear it when it appears. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return (
    <div id={id} className="vl-field-error" aria-live="polite">
      {message === undefined ? null : (
        <>
          <ErrorIcon />
          <span>{message}</span>
        </>
      )}
    </div>
  );
}

interface TextFieldProps {
  path: string;
  label: ReactNode;
  kind?: FieldKind;
  hint?: ReactNode;
  /** For fields in table cells, where a column header already says what they are. */
  labelHidden?: boolean;
  suffix?: string;
  className?: string;
  placeholder?: string;
  /** Ids of further messages about this field, such as a total it counts toward. */
  describedBy?: string;
}

export function TextField({
  path,
  label,
  kind = 'text',
  hint,
  labelHidden = false,
  suffix,
  className,
  placeholder,
  describedBy,
}: TextFieldProps) {
  const form = useForm();
  const id = fieldId(path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = form.errors[path];
  const raw = getIn(form.draft, path);
  const numeric = kind === 'amount' || kind === 'percent' || kind === 'count' || kind === 'decimal';
  return (
    <div className={`vl-field${className === undefined ? '' : ` ${className}`}`}>
      <label htmlFor={id} className={labelHidden ? 'vl-visually-hidden' : 'vl-label'}>
        {label}
      </label>
      <div className={`control-box${suffix === undefined ? '' : ' has-suffix'}`}>
        <input
          id={id}
          type="text"
          className={numeric ? 'vl-input vl-input--number' : 'vl-input'}
          value={typeof raw === 'string' ? raw : ''}
          readOnly={form.readOnly}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={kind === 'text'}
          inputMode={kind === 'count' ? 'numeric' : numeric ? 'decimal' : undefined}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={[hint === undefined ? null : hintId, errorId, describedBy ?? null]
            .filter((id) => id !== null)
            .join(' ')}
          onChange={(event) => {
            form.setField(path, event.target.value);
          }}
          onBlur={() => {
            form.leaveField(path, kind);
          }}
        />
        {suffix === undefined ? null : (
          <span className="control-suffix" aria-hidden="true">
            {suffix}
          </span>
        )}
      </div>
      {hint === undefined ? null : (
        <div id={hintId} className="vl-hint">
          {hint}
        </div>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

interface SelectFieldProps {
  path: string;
  label: ReactNode;
  /** A disabled option still shows when it is the value; it just cannot be picked. */
  options: readonly { value: string; label: string; disabled?: boolean }[];
  labelHidden?: boolean;
  className?: string;
  /** Ids of further messages about this field, such as why an option is disabled. */
  describedBy?: string | undefined;
  /** After the value changed (the field's card may move, e.g. a benefit becoming a dis-benefit). */
  onChanged?: (value: string) => void;
}

export function SelectField({
  path,
  label,
  options,
  labelHidden = false,
  className,
  describedBy,
  onChanged,
}: SelectFieldProps) {
  const form = useForm();
  const id = fieldId(path);
  const errorId = `${id}-error`;
  const error = form.errors[path];
  const raw = getIn(form.draft, path);
  return (
    <div className={`vl-field${className === undefined ? '' : ` ${className}`}`}>
      <label htmlFor={id} className={labelHidden ? 'vl-visually-hidden' : 'vl-label'}>
        {label}
      </label>
      <select
        id={id}
        className="vl-input vl-select"
        value={typeof raw === 'string' ? raw : ''}
        disabled={form.readOnly}
        aria-invalid={error === undefined ? undefined : true}
        // The error's live region is always there, so that it is heard; it describes only when it says something.
        aria-describedby={
          [describedBy, error === undefined ? undefined : errorId].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => {
          form.setField(path, event.target.value);
          onChanged?.(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
