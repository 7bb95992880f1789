import { useId } from 'react';
import { FieldError, TextField, useForm } from './form';

/**
 * How a benefit is measured: what, in which unit, from which baseline to which target, and how
 * (with an optional link to the method). All blank means not measured yet; once one is filled,
 * the rest but the link are asked for, each next to its field.
 */
export function MeasureFields({ path }: { path: string }) {
  const form = useForm();
  const hintId = useId();
  return (
    <fieldset className="vl-fieldset measure" aria-describedby={hintId}>
      <legend className="measure-legend">Measure</legend>
      <p id={hintId} className="section-hint">
        How you will know the benefit arrived. Leave it blank until it is known.
      </p>
      <div className="form-row">
        <TextField
          path={`${path}.name`}
          label="What is measured"
          className="form-grow"
          placeholder="Average handling time"
        />
        <TextField path={`${path}.unit`} label="Unit" className="measure-unit" placeholder="minutes" />
      </div>
      <div className="form-row">
        <TextField path={`${path}.baseline`} label="Baseline" kind="decimal" className="measure-number" />
        <TextField path={`${path}.target`} label="Target" kind="decimal" className="measure-number" />
      </div>
      <TextField
        path={`${path}.method`}
        label="How it is measured"
        placeholder="Monthly report from the contact centre"
      />
      <TextField
        path={`${path}.methodLink`}
        label="Method link (optional)"
        placeholder="https://"
        hint={form.readOnly ? undefined : 'An https:// link to the report or query behind the figures.'}
      />
      {/* A problem with the measure as a whole, which no single field holds. */}
      <FieldError id={`${path}-error`} message={form.errors[path]} />
    </fieldset>
  );
}
