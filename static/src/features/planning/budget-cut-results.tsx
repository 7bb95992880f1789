import type {
  ScenarioDecision,
  ScenarioPlan,
  ScenarioView,
} from '../../../../src/contract/planning.contract';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatMoney, formatMonth } from '../../shared/format';
import { Lozenge, type LozengeAppearance } from '../../ui/lozenge';
import { SectionMessage } from '../../ui/section-message';
import { Table, type Column } from '../../ui/table';
import { keepCellText, keepNoteText } from './keep-probability-text';

const CHOICE_ORDER = { continue: 0, delay: 1, stop: 2 } as const;

function choiceLabel(decision: Pick<ScenarioDecision, 'choice' | 'delayMonths'>): string {
  if (decision.choice === 'delay') return `Delay ${decision.delayMonths ?? 0} months`;
  return decision.choice === 'stop' ? 'Stop' : 'Continue';
}

const CHOICE_APPEARANCE: Record<ScenarioDecision['choice'], LozengeAppearance> = {
  continue: 'success',
  delay: 'moved',
  stop: 'removed',
};

function periodLabel(period: { from: string; to: string }): string {
  return `${formatMonth(period.from)} – ${formatMonth(period.to)}`;
}

/** The cut's outcome: its figures, the decisions with their why, cash freed per period, value lost per objective. */
export function BudgetCutResults({ view }: { view: ScenarioView }) {
  if (view.status === 'infeasible') {
    return (
      <SectionMessage appearance="error" title="No plan can meet this scenario">
        {view.conflicts.map((conflict) => (
          <div key={`${conflict.code}-${conflict.constraints.join()}`} className="vl-budget-cut-conflict">
            <p>{conflict.message}</p>
            {conflict.constraints.length > 0 ? (
              <>
                <p>The constraints that cannot all hold:</p>
                <ul>
                  {conflict.constraints.map((constraint) => (
                    <li key={constraint}>{constraint}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ))}
        <p>Loosen one of them (a pin, the cap or a floor) and run the cut again.</p>
        <Warnings warnings={view.warnings} />
      </SectionMessage>
    );
  }
  const money = (amount: number) => formatMoney(amount, view.currency);
  const { exact, greedy } = view;
  const figures = [
    {
      label: KPI_NAMES.npvRetained,
      value: money(exact.npvRetained),
      note: `of ${money(view.currentNpv)} in the current plan`,
    },
    { label: KPI_NAMES.cashFreed, value: money(exact.cashFreed), note: 'in the next 12 months' },
    {
      label: 'Greedy ranking',
      value: greedy === null ? 'Cannot meet the cap' : money(greedy.npvRetained),
      note:
        view.greedyGap === null
          ? 'NPV per cost freed alone does not reach a plan'
          : `the optimised plan keeps ${money(view.greedyGap)} more`,
    },
  ];
  return (
    <div className="vl-budget-cut-results">
      <p className="vl-visually-hidden" role="status">
        Planned the cut of {view.epics} in-flight epics.
      </p>
      <Warnings warnings={view.warnings} />
      {exact.proven ? null : (
        <SectionMessage appearance="information" live={false}>
          <p>
            This plan is the best found, not proven the best: the scope has too many epics to search them all.
          </p>
        </SectionMessage>
      )}
      <dl className="vl-ranking-totals" aria-label="The cut in figures">
        {figures.map((figure) => (
          <div key={figure.label} className="vl-ranking-total">
            <dt>{figure.label}</dt>
            <dd>
              <span className="vl-ranking-total-value">{figure.value}</span>
              <span className="vl-subtle">{figure.note}</span>
            </dd>
          </div>
        ))}
      </dl>
      <DecisionsTable view={view} plan={exact} />
      <KeepNote view={view} />
      <div className="vl-budget-cut-side">
        <Table
          label={`${KPI_NAMES.cashFreed} per period`}
          caption={`${KPI_NAMES.cashFreed} per period`}
          columns={[
            { key: 'period', label: 'Period', cell: (period) => periodLabel(period) },
            { key: 'forecast', label: 'Forecast', numeric: true, cell: (period) => money(period.forecast) },
            { key: 'cap', label: 'Cap', numeric: true, cell: (period) => money(period.cap) },
            { key: 'planned', label: 'Planned', numeric: true, cell: (period) => money(period.planned) },
            {
              key: 'freed',
              label: KPI_NAMES.cashFreed,
              numeric: true,
              cell: (period) => money(period.cashFreed),
            },
            {
              key: 'greedy',
              label: `${KPI_NAMES.cashFreed} (greedy)`,
              numeric: true,
              cell: (period) => {
                const match = greedy?.periods.find((other) => other.from === period.from);
                return match === undefined ? '—' : money(match.cashFreed);
              },
            },
          ]}
          rows={exact.periods}
          rowKey={(period) => period.from}
        />
        <Table
          label={`${KPI_NAMES.valueLost} per objective`}
          caption={`${KPI_NAMES.valueLost} per objective`}
          columns={[
            { key: 'objective', label: 'Objective', cell: (loss) => loss.name },
            { key: 'lost', label: KPI_NAMES.valueLost, numeric: true, cell: (loss) => money(loss.valueLost) },
          ]}
          rows={view.valueLostByObjective}
          rowKey={(loss) => loss.objectiveId ?? '(none)'}
        />
        {view.valueLostByObjective.length === 0 ? (
          <p className="vl-subtle">No objective loses value.</p>
        ) : null}
      </div>
    </div>
  );
}

function DecisionsTable({
  view,
  plan,
}: {
  view: Extract<ScenarioView, { status: 'planned' }>;
  plan: ScenarioPlan;
}) {
  const money = (amount: number) => formatMoney(amount, view.currency);
  const greedy = new Map(view.greedy?.decisions.map((decision) => [decision.key, decision]));
  type Key = 'epic' | 'decision' | 'why' | 'greedy' | 'npv' | 'spend' | 'keep';
  const columns: Column<ScenarioDecision, Key>[] = [
    {
      key: 'epic',
      label: 'Epic',
      sortValue: (decision) => decision.key,
      cell: (decision) => (
        <span>
          <strong>{decision.key}</strong> <span className="vl-ranking-summary">{decision.summary}</span>
        </span>
      ),
    },
    {
      key: 'decision',
      label: 'Decision',
      sortValue: (decision) => CHOICE_ORDER[decision.choice] * 100 + (decision.delayMonths ?? 0),
      cell: (decision) => (
        <Lozenge appearance={CHOICE_APPEARANCE[decision.choice]}>{choiceLabel(decision)}</Lozenge>
      ),
    },
    { key: 'why', label: 'Why', className: 'vl-budget-cut-why', cell: (decision) => decision.why.text },
    {
      key: 'greedy',
      label: 'Greedy ranking',
      cell: (decision) => {
        const other = greedy.get(decision.key);
        return other === undefined ? '—' : choiceLabel(other);
      },
    },
    {
      key: 'npv',
      label: KPI_NAMES.npvRetained,
      numeric: true,
      sortValue: (decision) => decision.npvRetained,
      cell: (decision) => money(decision.npvRetained),
    },
    {
      key: 'spend',
      label: 'Spend in 12 months',
      numeric: true,
      sortValue: (decision) => decision.yearSpend,
      cell: (decision) => money(decision.yearSpend),
    },
    {
      key: 'keep',
      label: KPI_NAMES.keepProbability,
      numeric: true,
      sortValue: (decision) => view.keep?.byEpic[decision.key]?.keep ?? -1,
      cell: (decision) => keepCellText(view.keep, decision.key),
    },
  ];
  return (
    <Table
      label="Decisions per epic"
      caption="Decisions per epic, the optimised plan beside the greedy ranking"
      columns={columns}
      rows={plan.decisions}
      rowKey={(decision) => decision.key}
      initialSort={{ key: 'decision', direction: 'descending' }}
      className="vl-budget-cut-decisions"
    />
  );
}

function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <SectionMessage appearance="warning" title="Worked around" live={false}>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </SectionMessage>
  );
}

function KeepNote({ view }: { view: Extract<ScenarioView, { status: 'planned' }> }) {
  const note = keepNoteText(view.keep);
  return note === null ? null : <p className="vl-subtle vl-keep-note">{note}</p>;
}
