import type { FieldErrors, FieldId } from './editor-form';

const errorIdOf = (field: FieldId) => `${field}-error`;

/** A field's error under it, read out with the field (see `describedBy`). */
export function FieldError({ field, errors }: { field: FieldId; errors: FieldErrors }) {
  const message = errors[field];
  return message ? (
    <p id={errorIdOf(field)} className="vl-field-error">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" />
        <path d="M8 4.5v4.2M8 10.8v.4" />
      </svg>
      {message}
    </p>
  ) : null;
}

/** `aria-invalid` and `aria-describedby` for an input, pointing at its error and hint when shown. */
export function describedBy(field: FieldId, errors: FieldErrors, hintId?: string) {
  const ids = [errors[field] ? errorIdOf(field) : null, hintId ?? null].filter((id) => id !== null);
  return {
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  } as const;
}
