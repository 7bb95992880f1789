import type { ReactNode } from 'react';

/** What an input needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled input with its hint and its error below it, both read out with the input. */
export function Field({ id, label, hint, error, required = false, className, children }: FieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  return (
    <div className={className === undefined ? 'vl-field' : `vl-field ${className}`}>
      <label className="vl-label" htmlFor={id}>
        {label}
        {required && (
          <span className="vl-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children({
        id,
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
        ...(error === undefined ? {} : { 'aria-invalid': true }),
        ...(required ? { 'aria-required': true } : {}),
      })}
      {error !== undefined && (
        <p className="vl-field-error" id={errorId}>
          <ErrorIcon />
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p className="vl-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function ErrorIcon() {
  return (
    <svg className="vl-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        fill="currentColor"
        d="M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm0 8.75a.9.9 0 1 0 0 1.8.9.9 0 0 0 0-1.8ZM8 4a.75.75 0 0 0-.75.75v3.5a.75.75 0 0 0 1.5 0v-3.5A.75.75 0 0 0 8 4Z"
      />
    </svg>
  );
}
