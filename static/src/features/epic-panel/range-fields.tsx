import { useId } from 'react';
import type { ThreePointPercent } from '../../../../src/contract/panel.contract';
import { EVIDENCE_GRADE_NAMES } from '../../../../src/contract/value-vocabulary';
import { Button } from '../../ui/button';
import { EMPTY_OVERRUN, EMPTY_RANGE, type BenefitDraft } from './draft';
import { FieldError, SelectField, TextField, useForm } from './form';
import { formatDecimalInput } from './numbers';
import { defaultBenefitRange, defaultCostOverrun } from './range-defaults';
import { totalUnitsOf } from './series';

const POINTS = [
  { point: 'low', label: 'Low' },
  { point: 'likely', label: 'Likely' },
  { point: 'high', label: 'High' },
] as const;

const signed = (percent: number) =>
  `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${String(Math.abs(percent))}%`;
const isBlank = (typed: { low: string; likely: string; high: string }) =>
  POINTS.every(({ point }) => typed[point].trim() === '');

/** "40% / 100% / 120%": a default range as it is written in hints. */
function rangeText(range: ThreePointPercent, sign = false): string {
  return POINTS.map(({ point }) => (sign ? signed(range[point]) : `${String(range[point])}%`)).join(' / ');
}

/**
 * A benefit's three-point estimate (issue #17): low / likely / high in % of its plan or as amounts
 * of its whole plan. Blank means the default for the benefit's evidence, which the placeholders
 * and the hint show, so nobody mistakes a default for an estimate someone made.
 */
export function BenefitRangeFields({
  benefit,
  path,
  negative,
}: {
  benefit: BenefitDraft;
  path: string;
  negative: boolean;
}) {
  const form = useForm();
  const hintId = useId();
  const { grade, range } = defaultBenefitRange(benefit, { asOf: form.asOf, defaults: form.rangeDefaults });
  const amounts = benefit.range.basis === 'amount';
  const plannedUnits = totalUnitsOf(benefit.planned, form.decimals, form.currency);
  const placeholderOf = (percent: number) =>
    amounts
      ? formatDecimalInput((plannedUnits * percent) / 100 / 10 ** form.decimals, form.decimals)
      : String(percent);
  const what = negative ? 'dis-benefit' : 'benefit';
  return (
    <fieldset className="vl-fieldset measure range-fields" aria-describedby={hintId}>
      <legend className="measure-legend">Range</legend>
      <p id={hintId} className="section-hint">
        How far this {what} may land from its plan, for the portfolio’s P10 / P50 / P90.{' '}
        {isBlank(benefit.range)
          ? `Not entered: the default for ${EVIDENCE_GRADE_NAMES[grade].toLowerCase()} evidence applies, ${rangeText(range)} of plan.`
          : `Entered; blank uses the default for ${EVIDENCE_GRADE_NAMES[grade].toLowerCase()} evidence, ${rangeText(range)} of plan.`}
      </p>
      <div className="form-row">
        <SelectField
          path={`${path}.basis`}
          label="In"
          className="range-basis"
          options={[
            { value: 'percentOfPlan', label: '% of plan' },
            { value: 'amount', label: `${form.currency}, whole plan` },
          ]}
        />
        {POINTS.map(({ point, label }) => (
          <TextField
            key={point}
            path={`${path}.${point}`}
            label={label}
            kind={amounts ? 'amount' : 'decimal'}
            suffix={amounts ? undefined : '%'}
            placeholder={placeholderOf(range[point])}
            className="range-point"
          />
        ))}
      </div>
      <FieldError id={`${path}-error`} message={form.errors[path]} />
      {form.readOnly || isBlank(benefit.range) ? null : (
        <div>
          <Button
            appearance="subtle"
            onClick={() => {
              form.update(path, () => ({ ...EMPTY_RANGE, basis: benefit.range.basis }));
              form.announce(
                `The range of “${benefit.title.trim() || `this ${what}`}” is back to the default.`,
              );
            }}
          >
            Use the default range
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** The epic's cost-overrun range, in % of the planned cost still to come (−10 is 10% under plan). */
export function CostOverrunFields() {
  const form = useForm();
  const hintId = useId();
  const typed = form.draft.costOverrun;
  const { grade, range } = defaultCostOverrun(form.draft.benefits, {
    asOf: form.asOf,
    defaults: form.rangeDefaults,
  });
  return (
    <section className="section" aria-labelledby="overrun-heading">
      <h2 id="overrun-heading" className="section-title">
        Cost overrun range
      </h2>
      <p id={hintId} className="section-hint">
        How far the cost still to come may land from plan, in %: −10 is 10% under, +50 half as much again.{' '}
        {isBlank(typed)
          ? `Not entered: the default for ${EVIDENCE_GRADE_NAMES[grade].toLowerCase()} evidence applies, ${rangeText(range, true)}.`
          : `Entered; blank uses the default for ${EVIDENCE_GRADE_NAMES[grade].toLowerCase()} evidence, ${rangeText(range, true)}.`}
      </p>
      <div className="form-row">
        {POINTS.map(({ point, label }) => (
          <TextField
            key={point}
            path={`value.costOverrun.${point}`}
            label={label}
            kind="decimal"
            suffix="%"
            placeholder={String(range[point])}
            className="range-point"
            describedBy={hintId}
          />
        ))}
      </div>
      {form.readOnly || isBlank(typed) ? null : (
        <Button
          appearance="subtle"
          onClick={() => {
            form.update('value.costOverrun', () => EMPTY_OVERRUN);
            form.announce('The cost overrun range is back to the default.');
          }}
        >
          Use the default range
        </Button>
      )}
    </section>
  );
}
