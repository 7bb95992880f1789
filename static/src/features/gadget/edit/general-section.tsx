import type { EditorForm, FieldErrors } from './editor-form';
import { describedBy, FieldError } from './field-error';

/** The gadget's title, the month its KPIs are as of, and whether it shows risk ranges. */
export function GeneralSection({
  form,
  update,
  errors,
}: {
  form: EditorForm;
  update: (patch: Partial<EditorForm>) => void;
  errors: FieldErrors;
}) {
  return (
    <>
      <div className="vl-field">
        <label htmlFor="title" className="vl-label">
          Title <span aria-hidden="true">*</span>
        </label>
        <input
          id="title"
          className="vl-input"
          required
          maxLength={100}
          value={form.title}
          onChange={(event) => {
            update({ title: event.target.value });
          }}
          {...describedBy('title', errors)}
        />
        <FieldError field="title" errors={errors} />
      </div>
      <fieldset className="vl-field" aria-describedby="asof-hint">
        <legend className="vl-label">As of</legend>
        <p id="asof-hint" className="vl-hint">
          KPIs count what was realised and spent up to the end of this month.
        </p>
        <div className="vl-radio">
          <input
            type="radio"
            id="asof-current"
            name="asof"
            checked={form.asOfMode === 'current'}
            onChange={() => {
              update({ asOfMode: 'current' });
            }}
          />
          <label htmlFor="asof-current">The current month (always up to date)</label>
        </div>
        <div className="vl-radio">
          <input
            type="radio"
            id="asof-fixed"
            name="asof"
            checked={form.asOfMode === 'fixed'}
            onChange={() => {
              update({ asOfMode: 'fixed' });
            }}
          />
          <label htmlFor="asof-fixed">A fixed month</label>
        </div>
        {form.asOfMode === 'fixed' ? (
          <div className="vl-field vl-nested">
            <label htmlFor="asOfMonth" className="vl-label">
              Month
            </label>
            <input
              id="asOfMonth"
              type="month"
              className="vl-input vl-input--short"
              placeholder="YYYY-MM"
              value={form.asOfMonth}
              onChange={(event) => {
                update({ asOfMonth: event.target.value });
              }}
              {...describedBy('asOfMonth', errors)}
            />
            <FieldError field="asOfMonth" errors={errors} />
          </div>
        ) : null}
      </fieldset>
      <div className="vl-field">
        <div className="vl-checkbox">
          <input
            id="showRanges"
            type="checkbox"
            checked={form.showRanges}
            aria-describedby="ranges-hint"
            onChange={(event) => {
              update({ showRanges: event.target.checked });
            }}
          />
          <label htmlFor="showRanges">Show risk ranges</label>
        </div>
        <p id="ranges-hint" className="vl-hint">
          A fan chart of benefit from P10 to P90 around the plan, and P10–P90 on the NPV and realised benefit
          tiles, from a seeded simulation of the epics’ ranges.
        </p>
      </div>
    </>
  );
}
