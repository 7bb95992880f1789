import { Field } from '../../ui/field';

/**
 * The required name a scenario is applied or saved under. The caller checks it when the user
 * submits (see `scenarioNameError`) and passes what is wrong with it as `error`.
 */
export function ScenarioNameField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  onChange: (name: string) => void;
}) {
  return (
    <Field id={id} label={label} required error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          className="vl-input"
          value={value}
          maxLength={200}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </Field>
  );
}
