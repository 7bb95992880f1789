import type { PortfolioView } from '../../../../../src/contract/gadget.contract';
import { formatMoney, formatRatio } from '../../../shared/format';
import type { EpicFilter } from '../data/gadget-api';
import { Lozenge } from '../../../ui/lozenge';

type Objective = PortfolioView['byObjective'][string] & { id: string };

function ObjectiveRow({
  objective,
  currency,
  onDrill,
}: {
  objective: Objective;
  currency: string;
  onDrill: (filter: EpicFilter, title: string) => void;
}) {
  const { attributedPlanned: planned, attributedRealised: realised } = objective;
  const share = planned > 0 ? realised / planned : null;
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
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
          {money(realised)} of {money(planned)} {share === null ? '' : `(${formatRatio(share)})`}
        </span>
      </div>
      <progress
        className="vl-meter"
        max={1}
        value={Math.min(1, share ?? 0)}
        aria-label={`${objective.name}: ${formatRatio(share)} of attributed plan realised`}
      />
      <Lozenge appearance={objective.advanced ? 'success' : 'default'}>
        {objective.advanced ? 'Advanced' : 'Not advanced yet'}
      </Lozenge>
    </li>
  );
}

/** Attributed realised vs planned benefit per objective; archived objectives kept apart. */
export function ObjectiveProgress({
  byObjective,
  currency,
  onDrill,
}: {
  byObjective: PortfolioView['byObjective'];
  currency: string;
  onDrill: (filter: EpicFilter, title: string) => void;
}) {
  const objectives = Object.entries(byObjective).map(([id, figures]) => ({ ...figures, id }));
  const active = objectives.filter((o) => o.status === 'active');
  const archived = objectives.filter((o) => o.status === 'archived');
  return (
    <section className="vl-section vl-card" aria-labelledby="objectives-heading">
      <h2 id="objectives-heading" className="vl-section-heading">
        Objective progress
      </h2>
      <p className="vl-subtle vl-section-intro">Benefit attributed to each objective by the epics’ shares.</p>
      {active.length === 0 ? (
        <p>No active strategic objective. A Jira admin can add objectives on the Value Layer admin page.</p>
      ) : (
        <ul className="vl-objectives">
          {active.map((objective) => (
            <ObjectiveRow key={objective.id} objective={objective} currency={currency} onDrill={onDrill} />
          ))}
        </ul>
      )}
      {archived.length > 0 ? (
        <details className="vl-archived">
          <summary>Archived objectives ({archived.length})</summary>
          <ul className="vl-objectives">
            {archived.map((objective) => (
              <ObjectiveRow key={objective.id} objective={objective} currency={currency} onDrill={onDrill} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
