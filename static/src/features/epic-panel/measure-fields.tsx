import { useId } from 'react';
import { FieldError, TextField, useForm } from './form';

/**
 * How a benefit is measured: what, in which unit, from which baseline to which target, and how
 * (with an optional link to the method). All blank means not measured yet; once one is filled,
 * the rest but the link are asked for, each next to its field.
 */
export function MeasureFields({ path, negative = false }: { path: string; negative?: boolean }) {
  const form = useForm();
  const hintId = useId();
  return (
    <fieldset className="vl-fieldset measure" aria-describedby={hintId}>
      <legend className="measure-legend">Measure</legend>
      <p id={hintId} className="section-hint">
        {negative
          ? 'How the size of this negative effect is measured, such as orders lost per month. Leave it blank until it is known.'
          : 'How you will know the benefit arrived, such as average handling time in minutes. Leave it blank until it is known.'}
      </p>
      <div className="form-row">
        <TextField path={`${path}.name`} label="What is measured" className="form-grow" />
        <TextField path={`${path}.unit`} label="Unit" className="measure-unit" />
      </div>
      <div className="form-row">
        <TextField path={`${path}.baseline`} label="Baseline" kind="decimal" className="measure-number" />
        <TextField path={`${path}.target`} label="Target" kind="decimal" className="measure-number" />
      </div>
      <TextField path={`${path}.method`} label="How it is measured" />
      <TextField
        path={`${path}.methodLink`}
        label="Method link (optional)"
        hint={form.readOnly ? undefined : 'An https:// link to the report or query behind the figures.'}
      />
      {/* A problem with the measure as a whole, which no single field holds. */}
      <FieldError id={`${path}-error`} message={form.errors[path]} />
    </fieldset>
  );
}
