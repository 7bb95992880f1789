import type { InputHTMLAttributes } from 'react';
import { parseMonth } from '../shared/months';

interface MonthInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange' | 'className'
> {
  id: string;
  /** `YYYY-MM`, or whatever the user typed while it is not (yet) a month. */
  value: string;
  onChange: (value: string) => void;
  className?: string;
}

/**
 * A month as text: `<input type="month">` is a plain text box in Safari and Firefox, so one input
 * behaves the same everywhere. It accepts what people type or paste ("Mar 2026", "03/2026",
 * "2026-3") and writes it as `YYYY-MM` when the user leaves it; text that is no month is left as
 * typed, for the form's validation to name.
 */
export function MonthInput({ value, onChange, onBlur, className, ...rest }: MonthInputProps) {
  return (
    <input
      {...rest}
      type="text"
      className={
        className === undefined ? 'vl-input vl-input--month' : `vl-input vl-input--month ${className}`
      }
      inputMode="text"
      autoComplete="off"
      spellCheck={false}
      placeholder={rest.placeholder ?? 'YYYY-MM'}
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
      }}
      onBlur={(event) => {
        const month = parseMonth(value);
        if (month !== null && month !== value) onChange(month);
        onBlur?.(event);
      }}
    />
  );
}
