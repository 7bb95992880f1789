import type { RankingRow } from '../../../../src/contract/planning.contract';
import { FINISHING_VERDICT_NAMES, KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatMoney } from '../../shared/format';
import { Lozenge, type LozengeAppearance } from '../../ui/lozenge';
import './finishing-signal.css';

const APPEARANCE: Record<RankingRow['signal']['verdict'], LozengeAppearance> = {
  worth_finishing: 'success',
  not_worth_finishing: 'removed',
  nothing_to_fund: 'default',
};

/** What the signal weighs: the remaining risk-adjusted benefit against the remaining cost. */
type SignalFigures = Pick<RankingRow, 'signal' | 'remainingBenefit' | 'remainingCost'>;

/** Why an epic got its verdict, in the words of the KPIs it compares (docs/kpis.md, finishingSignal). */
export function signalReason(row: SignalFigures, currency: string): string {
  const money = (amount: number) => formatMoney(amount, currency);
  switch (row.signal.verdict) {
    case 'not_worth_finishing':
      return `${KPI_NAMES.remainingBenefit} ${money(row.remainingBenefit)} is below ${KPI_NAMES.remainingCost.toLowerCase()} ${money(row.remainingCost)}: finishing loses ${money(-row.signal.margin)}.`;
    case 'worth_finishing':
      return `${KPI_NAMES.remainingBenefit} ${money(row.remainingBenefit)} covers ${KPI_NAMES.remainingCost.toLowerCase()} ${money(row.remainingCost)}.`;
    case 'nothing_to_fund':
      return `No cost remains; ${money(row.remainingBenefit)} of benefit may still come.`;
  }
}

/**
 * The stop/continue signal as a lozenge; an epic not worth finishing also shows its reason, the
 * others keep it for screen readers so the column stays short. The epic panel and the gadget's
 * drill-down rows show it too.
 */
export function FinishingSignal({ row, currency }: { row: SignalFigures; currency: string }) {
  const flagged = row.signal.verdict === 'not_worth_finishing';
  return (
    <div className="vl-signal">
      <Lozenge appearance={APPEARANCE[row.signal.verdict]}>
        {FINISHING_VERDICT_NAMES[row.signal.verdict]}
      </Lozenge>
      <span className={flagged ? 'vl-signal-reason' : 'vl-visually-hidden'}>
        {signalReason(row, currency)}
      </span>
    </div>
  );
}
