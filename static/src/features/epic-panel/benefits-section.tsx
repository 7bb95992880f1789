import { useState } from 'react';
import { formatMoney } from '../../shared/format';
import { Card } from './card';
import { fieldId, newBenefitId, type BenefitDraft } from './draft';
import { problemsUnder } from './field-paths';
import { SelectField, TextField, useForm } from './form';
import { BENEFIT_KIND_LABELS } from './labels';
import { focusSoon } from './focus';
import { SeriesEditor } from './series-editor';
import { totalUnitsOf } from './series';
import { Button } from '../../ui/button';

const KIND_OPTIONS = Object.entries(BENEFIT_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function BenefitsSection() {
  const form = useForm();
  const [removed, setRemoved] = useState<{ benefit: BenefitDraft; index: number } | null>(null);
  const { benefits } = form.draft;
  const money = (units: number) => formatMoney(units / 10 ** form.decimals, form.currency);

  const add = () => {
    const benefit: BenefitDraft = {
      id: newBenefitId(benefits),
      kind: 'revenue',
      title: '',
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
    form.announce(
      `Removed the benefit ${benefit.title || 'without a title'}. Undo is next to the Add benefit button.`,
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
    form.announce(`Restored the benefit ${removed.benefit.title || 'without a title'}.`);
    setRemoved(null);
  };

  return (
    <section className="section" aria-labelledby="benefits-heading">
      <h2 id="benefits-heading" className="section-title">
        Benefits
      </h2>
      {benefits.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No benefits recorded yet.</strong>{' '}
            {form.readOnly
              ? 'Nobody has recorded what this epic is expected to bring.'
              : 'Add what this epic is expected to bring – revenue, savings, avoided costs – with the amounts planned by month. Realised amounts follow as they arrive.'}
          </p>
        </div>
      ) : (
        <ul className="card-list">
          {benefits.map((benefit, index) => {
            const path = `value.benefits[${String(index)}]`;
            const key = `benefit:${benefit.id}`;
            const expanded = form.expanded.has(key);
            return (
              <li key={benefit.id}>
                <Card
                  title={benefit.title.trim() || 'Untitled benefit'}
                  expanded={expanded}
                  onToggle={() => {
                    form.setExpanded(key, !expanded);
                  }}
                  badge={
                    <span className="vl-lozenge">{BENEFIT_KIND_LABELS[benefit.kind] ?? benefit.kind}</span>
                  }
                  meta={`${money(totalUnitsOf(benefit.planned, form.decimals, form.currency))} planned · ${money(totalUnitsOf(benefit.realised, form.decimals, form.currency))} realised`}
                  problems={expanded ? 0 : problemsUnder(form.errors, path)}
                >
                  <div className="form-row">
                    <TextField path={`${path}.title`} label="Title" className="form-grow" />
                    <SelectField path={`${path}.kind`} label="Kind" options={KIND_OPTIONS} />
                  </div>
                  <SeriesEditor
                    path={`${path}.planned`}
                    label="Planned benefit"
                    emptyText="No amounts planned yet. Add months one by one, spread a total, or paste a column from a spreadsheet."
                  />
                  <SeriesEditor
                    path={`${path}.realised`}
                    label="Realised benefit"
                    realised
                    emptyText="Nothing realised yet. Record amounts as they arrive, with how they are evidenced."
                  />
                  {form.readOnly ? null : (
                    <div className="card-footer">
                      <Button
                        appearance="subtle"
                        destructive
                        onClick={() => {
                          remove(index);
                        }}
                      >
                        Remove benefit
                      </Button>
                    </div>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {form.readOnly ? null : (
        <div className="section-actions">
          <Button onClick={add}>Add benefit</Button>
          {removed === null ? null : (
            <span className="inline-undo">
              Removed “{removed.benefit.title || 'Untitled benefit'}”.{' '}
              <button type="button" id="undo-remove-benefit" className="vl-link-button" onClick={undo}>
                Undo
              </button>
            </span>
          )}
        </div>
      )}
    </section>
  );
}
