import { useId } from 'react';

/**
 * A progress bar with its label in words above it. Determinate when `value` and `max` are known
 * (`aria-valuenow` of `aria-valuemax`, from 0); indeterminate otherwise, as ARIA has it (no
 * `aria-valuenow`). The label is also the bar's `aria-valuetext`, so a screen reader hears
 * "Reading epics: 1,200 read" rather than a bare percentage.
 */
export function ProgressBar({
  label,
  value,
  max,
}: {
  /** What is being done and how far it got, in words. */
  label: string;
  value: number | null;
  max: number | null;
}) {
  const labelId = useId();
  const known = value !== null && max !== null && max > 0;
  const clamped = known ? Math.min(Math.max(value, 0), max) : null;
  return (
    <div className="vl-progressbar">
      <p className="vl-progressbar-label" id={labelId}>
        {label}
      </p>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={known ? max : undefined}
        aria-valuenow={clamped ?? undefined}
        aria-valuetext={label}
        className={
          known ? 'vl-progressbar-track' : 'vl-progressbar-track vl-progressbar-track--indeterminate'
        }
      >
        <span
          className="vl-progressbar-fill"
          // The one value no class can hold; React sets it through the CSSOM, which the CSP allows.
          style={
            known && clamped !== null
              ? { inlineSize: `${String(Math.round((clamped / max) * 1000) / 10)}%` }
              : undefined
          }
        />
      </div>
    </div>
  );
}
