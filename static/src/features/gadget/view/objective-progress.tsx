import type { PortfolioView } from '../../../../../src/contract/gadget.contract';
import type { ObjectiveRangesView } from '../../../../../src/contract/ranges.contract';
import { objectiveChanceText } from '../config/objective-chance-text';
import { formatMoney, formatMonth, formatRatio } from '../../../shared/format';
import type { EpicFilter } from '../data/gadget-api';
import { Lozenge } from '../../../ui/lozenge';
import { objectiveRowsOf, trackText, type ObjectiveRow } from './objective-rows';

type Objective = ObjectiveRow;

function ObjectiveLine({
  objective,
  currency,
  chance,
  onDrill,
}: {
  objective: Objective;
  currency: string;
  /** The objective's simulated figures, once the risk ranges are in (active objectives only). */
  chance?: ObjectiveRangesView | undefined;
  onDrill: (filter: EpicFilter, title: string) => void;
}) {
  const { attributedPlanned: planned, attributedRealised: realised, target } = objective;
  const share = planned > 0 ? realised / planned : null;
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
  // Against its target when it has one (the admin's measure), else against the attributed plan.
  const meter = target ? objective.progress : share;
  const chanceText = chance ? objectiveChanceText(chance) : null;
  return (
    <li className="vl-objective">
      <div className="vl-objective-line">
        <button
          type="button"
          className="vl-link-button"
          onClick={() => {
            onDrill({ by: 'objective', id: objective.id }, `Epics linked to ${objective.name}`);
          }}
        >
          {objective.name}
        </button>
        <span className="vl-objective-figures">
          {money(realised)} of {money(planned)} planned {share === null ? '' : `(${formatRatio(share)})`}
        </span>
      </div>
      {target ? (
        <p className="vl-objective-target">
          <span>
            {formatRatio(objective.progress)} of the {money(target.amount)} target by{' '}
            {formatMonth(target.date.slice(0, 7))}
          </span>
          <span>
            Forecast {objective.forecastAtTargetDate === null ? '—' : money(objective.forecastAtTargetDate)}
          </span>
        </p>
      ) : null}
      {chanceText === null ? null : <p className="vl-objective-chance">{chanceText}</p>}
      <progress
        className="vl-meter"
        max={1}
        value={Math.min(1, meter ?? 0)}
        aria-label={
          target
            ? `${objective.name}: ${formatRatio(objective.progress)} of target realised`
            : `${objective.name}: ${formatRatio(share)} of attributed plan realised`
        }
      />
      <span className="vl-objective-lozenges">
        {target ? (
          <Lozenge appearance={objective.onTrack === true ? 'success' : 'removed'}>
            {trackText(objective.onTrack)}
          </Lozenge>
        ) : (
          <Lozenge>{trackText(null)}</Lozenge>
        )}
        <Lozenge appearance={objective.advanced ? 'success' : 'default'}>
          {objective.advanced ? 'Advanced' : 'Not advanced'}
        </Lozenge>
      </span>
    </li>
  );
}

/** Attributed realised vs planned benefit per objective; archived objectives kept apart. */
export function ObjectiveProgress({
  byObjective,
  currency,
  chances,
  onDrill,
}: {
  byObjective: PortfolioView['byObjective'];
  currency: string;
  /** Each active objective's risk ranges, with its chance of reaching its target. */
  chances?: Record<string, ObjectiveRangesView> | undefined;
  onDrill: (filter: EpicFilter, title: string) => void;
}) {
  const objectives = objectiveRowsOf(byObjective);
  const active = objectives.filter((o) => o.status === 'active');
  const archived = objectives.filter((o) => o.status === 'archived');
  return (
    <section className="vl-section vl-card" aria-labelledby="objectives-heading">
      <h2 id="objectives-heading" className="vl-section-heading">
        Objective progress
      </h2>
      <p className="vl-subtle vl-section-intro">
        Benefit attributed to each objective by the epics’ shares, against the objective’s target where it has
        one. On track: the forecast at the target date (realised plus risk-adjusted plan) reaches the target.
      </p>
      {active.length === 0 ? (
        <p>No active strategic objective. A Jira admin can add objectives on the Value Layer admin page.</p>
      ) : (
        <ul className="vl-objectives">
          {active.map((objective) => (
            <ObjectiveLine
              key={objective.id}
              objective={objective}
              currency={currency}
              chance={chances?.[objective.id]}
              onDrill={onDrill}
            />
          ))}
        </ul>
      )}
      {archived.length > 0 ? (
        <details className="vl-archived">
          <summary>Archived objectives ({archived.length})</summary>
          <ul className="vl-objectives">
            {archived.map((objective) => (
              <ObjectiveLine key={objective.id} objective={objective} currency={currency} onDrill={onDrill} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
