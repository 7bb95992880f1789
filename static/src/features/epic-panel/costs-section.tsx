import { formatMoney } from '../../shared/format';
import { Card } from './card';
import { problemsUnder } from './field-paths';
import { useForm } from './form';
import { SeriesEditor } from './series-editor';
import { totalUnitsOf } from './series';

/** The epic's budget and actual costs by month. */
export function CostsSection() {
  const form = useForm();
  const money = (units: number) => formatMoney(units / 10 ** form.decimals, form.currency);
  const cards = [
    {
      key: 'costs:planned',
      path: 'value.costs.planned',
      title: 'Planned costs (budget)',
      series: 'Planned cost',
      empty: 'No budget planned yet.',
    },
    {
      key: 'costs:actual',
      path: 'value.costs.actual',
      title: 'Actual costs',
      series: 'Actual cost',
      empty: 'No actual costs recorded yet.',
    },
  ] as const;
  return (
    <section className="section" aria-labelledby="costs-heading">
      <h2 id="costs-heading" className="section-title">
        Costs
      </h2>
      <ul className="card-list">
        {cards.map((card) => {
          const rows =
            card.path === 'value.costs.planned' ? form.draft.costs.planned : form.draft.costs.actual;
          const expanded = form.expanded.has(card.key);
          return (
            <li key={card.key}>
              <Card
                title={card.title}
                expanded={expanded}
                onToggle={() => {
                  form.setExpanded(card.key, !expanded);
                }}
                meta={`${money(totalUnitsOf(rows, form.decimals, form.currency))} · ${String(rows.length)} month${rows.length === 1 ? '' : 's'}`}
                problems={expanded ? 0 : problemsUnder(form.errors, card.path)}
              >
                <SeriesEditor path={card.path} label={card.series} emptyText={card.empty} />
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
