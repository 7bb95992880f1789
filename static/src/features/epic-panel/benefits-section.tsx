import { useState } from 'react';
import { formatMoney } from '../../shared/format';
import { Button } from '../../ui/button';
import { BenefitCard } from './benefit-card';
import {
  EMPTY_MEASURE,
  EMPTY_RANGE,
  fieldId,
  newBenefitId,
  type BenefitDraft,
  type BenefitKind,
} from './draft';
import { focusSoon } from './focus';
import { useForm } from './form';
import { benefitTotalsOf, isDisBenefit, negativeMoney } from './net-benefit';

type Group = 'benefits' | 'dis-benefits';

const groupOf = (kind: string): Group => (isDisBenefit(kind) ? 'dis-benefits' : 'benefits');

/**
 * The epic's benefits, and apart from them its dis-benefits (measured negative effects, whose
 * amounts are subtracted), each with its own list and Add button, and the net of the two.
 * Cards keep their place in the value record, so paths and the server's errors still find them.
 */
export function BenefitsSection() {
  const form = useForm();
  const [removed, setRemoved] = useState<{ benefit: BenefitDraft; index: number } | null>(null);
  const { benefits } = form.draft;
  const indexed = benefits.map((benefit, index) => ({ benefit, index }));
  const listed = (group: Group) => indexed.filter(({ benefit }) => groupOf(benefit.kind) === group);
  const what = (benefit: BenefitDraft) => (isDisBenefit(benefit.kind) ? 'dis-benefit' : 'benefit');

  const add = (kind: BenefitKind) => {
    const benefit: BenefitDraft = {
      id: newBenefitId(benefits),
      kind,
      title: '',
      owner: '',
      measure: EMPTY_MEASURE,
      range: EMPTY_RANGE,
      planned: [],
      realised: [],
    };
    form.update('value.benefits', (old) => [...(old as BenefitDraft[]), benefit]);
    form.setExpanded(`benefit:${benefit.id}`, true);
    setRemoved(null);
    focusSoon(fieldId(`value.benefits[${String(benefits.length)}].title`));
  };

  const remove = (index: number) => {
    const benefit = benefits[index];
    if (!benefit) return;
    form.update('value.benefits', (old) => (old as BenefitDraft[]).filter((_, at) => at !== index));
    setRemoved({ benefit, index });
    const button = isDisBenefit(benefit.kind) ? 'Add dis-benefit' : 'Add benefit';
    form.announce(
      `Removed the ${what(benefit)} ${benefit.title || 'without a title'}. Undo is next to the ${button} button.`,
    );
    focusSoon('undo-remove-benefit');
  };

  const undo = () => {
    if (!removed) return;
    form.update('value.benefits', (old) => {
      const list = [...(old as BenefitDraft[])];
      list.splice(Math.min(removed.index, list.length), 0, removed.benefit);
      return list;
    });
    form.announce(`Restored the ${what(removed.benefit)} ${removed.benefit.title || 'without a title'}.`);
    setRemoved(null);
  };

  const actions = (group: Group) =>
    form.readOnly ? null : (
      <div className="section-actions">
        <Button
          onClick={() => {
            add(group === 'benefits' ? 'revenue' : 'dis_benefit');
          }}
        >
          {group === 'benefits' ? 'Add benefit' : 'Add dis-benefit'}
        </Button>
        {removed === null || groupOf(removed.benefit.kind) !== group ? null : (
          <span className="inline-undo">
            Removed “{removed.benefit.title || `Untitled ${what(removed.benefit)}`}”.{' '}
            <button type="button" id="undo-remove-benefit" className="vl-link-button" onClick={undo}>
              Undo
            </button>
          </span>
        )}
      </div>
    );

  const cards = (group: Group) => (
    <ul className="card-list">
      {listed(group).map(({ benefit, index }) => (
        <li key={benefit.id}>
          <BenefitCard
            benefit={benefit}
            index={index}
            onRemove={() => {
              remove(index);
            }}
          />
        </li>
      ))}
    </ul>
  );

  const disBenefits = listed('dis-benefits');
  return (
    <>
      <section className="section" aria-labelledby="benefits-heading">
        <h2 id="benefits-heading" className="section-title">
          Benefits
        </h2>
        {listed('benefits').length === 0 ? (
          <div className="empty-state">
            <p>
              <strong>No benefits recorded yet.</strong>{' '}
              {form.readOnly
                ? 'Nobody has recorded what this epic is expected to bring.'
                : 'Add what this epic is expected to bring – revenue, savings, avoided costs – with the amounts planned by month. Realised amounts follow as they arrive.'}
            </p>
          </div>
        ) : (
          cards('benefits')
        )}
        {actions('benefits')}
      </section>
      <section className="section dis-benefits" aria-labelledby="dis-benefits-heading">
        <h2 id="dis-benefits-heading" className="section-title">
          Dis-benefits
        </h2>
        <p className="section-hint">
          Measured negative effects of the change, such as sales lost during a migration. Enter their size as
          a positive amount: it is subtracted from the epic’s benefit, and so from its ROI and NPV.
        </p>
        {disBenefits.length === 0 ? (
          <p className="series-empty">No dis-benefits recorded.</p>
        ) : (
          <>
            {cards('dis-benefits')}
            <NetBenefit />
          </>
        )}
        {actions('dis-benefits')}
      </section>
    </>
  );
}

/** Benefit less dis-benefit, planned and realised, as the epic's totals count them. */
function NetBenefit() {
  const form = useForm();
  const totals = benefitTotalsOf(form.draft.benefits, form);
  const money = (units: number) => formatMoney(units / 10 ** form.decimals, form.currency);
  const less = (units: number) => negativeMoney(units, form.decimals, form.currency);
  return (
    <dl className="net-benefit">
      <div>
        <dt>Net planned benefit</dt>
        <dd>
          <span className="net-figure vl-nowrap">{money(totals.netPlanned)}</span>{' '}
          <span className="net-parts">
            (<span className="vl-nowrap">{money(totals.benefitPlanned)}</span> benefits,{' '}
            <span className="vl-nowrap">{less(totals.disBenefitPlanned)}</span> dis-benefits)
          </span>
        </dd>
      </div>
      <div>
        <dt>Net realised benefit</dt>
        <dd>
          <span className="net-figure vl-nowrap">{money(totals.netRealised)}</span>{' '}
          <span className="net-parts">
            (<span className="vl-nowrap">{money(totals.benefitRealised)}</span> benefits,{' '}
            <span className="vl-nowrap">{less(totals.disBenefitRealised)}</span> dis-benefits)
          </span>
        </dd>
      </div>
    </dl>
  );
}
