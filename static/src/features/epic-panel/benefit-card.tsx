import { formatMoney } from '../../shared/format';
import { Button } from '../../ui/button';
import { Card } from './card';
import { fieldId, type BenefitDraft } from './draft';
import { problemsUnder } from './field-paths';
import { focusSoon } from './focus';
import { SelectField, TextField, useForm } from './form';
import { BENEFIT_KIND_LABELS, KIND_OPTIONS } from './labels';
import { MeasureFields } from './measure-fields';
import { isDisBenefit, negativeMoney } from './net-benefit';
import { OwnerField } from './owner-field';
import { BenefitRangeFields } from './range-fields';
import { SeriesEditor } from './series-editor';
import { totalUnitsOf } from './series';

interface BenefitCardProps {
  benefit: BenefitDraft;
  /** Its place in the value record: paths and server errors address it by this index. */
  index: number;
  onRemove: () => void;
}

/** One benefit or dis-benefit: title, kind, owner, measure, and its planned and realised amounts. */
export function BenefitCard({ benefit, index, onRemove }: BenefitCardProps) {
  const form = useForm();
  const path = `value.benefits[${String(index)}]`;
  const key = `benefit:${benefit.id}`;
  const expanded = form.expanded.has(key);
  const negative = isDisBenefit(benefit.kind);
  const what = negative ? 'dis-benefit' : 'benefit';
  const amount = (units: number) =>
    negative
      ? negativeMoney(units, form.decimals, form.currency)
      : formatMoney(units / 10 ** form.decimals, form.currency);
  const planned = totalUnitsOf(benefit.planned, form.decimals, form.currency);
  const realised = totalUnitsOf(benefit.realised, form.decimals, form.currency);

  const kindChanged = (kind: string) => {
    if (isDisBenefit(kind) === negative) return;
    // The card moves to the other list: say so, and keep the focus on the kind it was moved by.
    const title = benefit.title.trim() || `Untitled ${what}`;
    form.announce(
      isDisBenefit(kind)
        ? `“${title}” is now a dis-benefit; it moved to Dis-benefits.`
        : `“${title}” is now a benefit; it moved to Benefits.`,
    );
    focusSoon(fieldId(`${path}.kind`));
  };

  return (
    <Card
      title={benefit.title.trim() || `Untitled ${what}`}
      expanded={expanded}
      onToggle={() => {
        form.setExpanded(key, !expanded);
      }}
      badge={<span className="vl-lozenge">{BENEFIT_KIND_LABELS[benefit.kind] ?? benefit.kind}</span>}
      meta={`${amount(planned)} planned · ${amount(realised)} realised`}
      problems={expanded ? 0 : problemsUnder(form.errors, path)}
    >
      <div className="form-row">
        <TextField path={`${path}.title`} label="Title" className="form-grow" />
        <SelectField path={`${path}.kind`} label="Kind" options={KIND_OPTIONS} onChanged={kindChanged} />
      </div>
      <OwnerField path={`${path}.owner`} what={what} />
      <MeasureFields path={`${path}.measure`} negative={negative} />
      <SeriesEditor
        path={`${path}.planned`}
        label={negative ? 'Planned dis-benefit' : 'Planned benefit'}
        negative={negative}
        emptyText={
          negative
            ? 'No amounts planned yet. Enter how much this dis-benefit is expected to take away, by month.'
            : 'No amounts planned yet. Add months one by one, spread a total, or paste a column from a spreadsheet.'
        }
      />
      <BenefitRangeFields benefit={benefit} path={`${path}.range`} negative={negative} />
      <SeriesEditor
        path={`${path}.realised`}
        label={negative ? 'Realised dis-benefit' : 'Realised benefit'}
        realised
        benefitId={benefit.id}
        negative={negative}
        emptyText={
          negative
            ? 'Nothing measured yet. Record what it took away as it is measured, with the evidence.'
            : 'Nothing realised yet. Record amounts as they arrive, with how they are evidenced.'
        }
      />
      {form.readOnly ? null : (
        <div className="card-footer">
          <Button appearance="subtle" destructive onClick={onRemove}>
            {negative ? 'Remove dis-benefit' : 'Remove benefit'}
          </Button>
        </div>
      )}
    </Card>
  );
}
