import type { RankingView } from '../../../../src/contract/planning.contract';
import { FINISHING_VERDICT_NAMES, KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatMoney } from '../../shared/format';

/** The scope's totals over every in-flight epic ranked (all of them, even beyond the rows shown). */
export function RankingSummary({ view }: { view: RankingView }) {
  const { totals, currency } = view;
  const money = (amount: number) => formatMoney(amount, currency);
  const figures = [
    { label: 'In-flight epics', value: String(totals.epics) },
    { label: KPI_NAMES.remainingNpv, value: money(totals.remainingNpv) },
    { label: KPI_NAMES.remainingCost, value: money(totals.remainingCost) },
    { label: `${KPI_NAMES.costOfDelay} / month`, value: money(totals.costOfDelay) },
    {
      label: FINISHING_VERDICT_NAMES.not_worth_finishing,
      value: String(totals.notWorthFinishing),
      note:
        totals.notWorthFinishing === 0
          ? null
          : `${money(totals.notWorthFinishingCost)} still to spend on them`,
    },
  ];
  return (
    <dl className="vl-ranking-totals" aria-label="Totals of the scope">
      {figures.map((figure) => (
        <div key={figure.label} className="vl-ranking-total">
          <dt>{figure.label}</dt>
          <dd>
            <span className="vl-ranking-total-value">{figure.value}</span>
            {figure.note ? <span className="vl-subtle">{figure.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
