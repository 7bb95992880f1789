import { render, screen, within } from '@testing-library/react';
import type { ScenarioDecision, ScenarioView } from '../../../src/contract/planning.contract';
import { BudgetCutResults } from '../../../static/src/features/planning/budget-cut-results';

const year = { from: '2026-04', to: '2027-03', forecast: 4000, cap: 2000, planned: 2000, cashFreed: 2000 };

function decision(key: string, choice: ScenarioDecision['choice']): ScenarioDecision {
  return {
    key,
    summary: `Epic ${key}`,
    project: 'PAY',
    choice,
    npvRetained: choice === 'stop' ? 0 : 400,
    remainingNpv: 400,
    yearSpend: choice === 'stop' ? 0 : 2000,
    why: { kind: 'ratio', text: 'Loses 0.2 of NPV per 1 of cash freed.' },
    revision: 1,
  };
}

function plannedView(keep: Extract<ScenarioView, { status: 'planned' }>['keep']): ScenarioView {
  const plan = {
    npvRetained: 400,
    cashFreed: 2000,
    periods: [year],
    decisions: [decision('PAY-1', 'continue'), decision('PAY-2', 'stop')],
  };
  return {
    status: 'planned',
    asOf: '2026-03',
    currency: 'EUR',
    epics: 2,
    currentNpv: 800,
    exact: { ...plan, proven: true },
    greedy: plan,
    greedyGap: 0,
    valueLostByObjective: [],
    warnings: [],
    ...(keep === undefined ? {} : { keep }),
  };
}

const rowOf = (key: string) => {
  const row = within(screen.getByRole('table', { name: /Decisions per epic/ }))
    .getByRole('rowheader', { name: new RegExp(key) })
    .closest('tr');
  if (row === null) throw new Error(`no row for ${key}`);
  return row;
};

describe('the budget cut results: keep-probability', () => {
  it('shows each epic’s keep-probability in its row, and says what it means with its seed and draws', () => {
    render(
      <BudgetCutResults
        view={plannedView({
          seed: 4242,
          draws: 200,
          drawsWithoutPlan: 3,
          solver: 'greedy-improved',
          reason: null,
          byEpic: {
            'PAY-1': { keep: 0.85, continue: 0.8, reason: null },
            'PAY-2': { keep: null, continue: null, reason: 'NO_DRAW_PLANNED' },
          },
        })}
      />,
    );

    expect(screen.getByRole('columnheader', { name: /Keep-probability/ })).toBeInTheDocument();
    expect(rowOf('PAY-1')).toHaveTextContent('85%');
    expect(rowOf('PAY-2')).toHaveTextContent('—');
    expect(
      screen.getByText(/the share of 200 draws \(seed 4242\) in which the cut, planned again/),
    ).toHaveTextContent(
      'keeps the epic (continues or delays it). 3 draws in which no plan met every cap and floor are left out.',
    );
  });

  it('says why there are no keep-probabilities for a scope too large to draw', () => {
    render(
      <BudgetCutResults
        view={plannedView({
          seed: 1,
          draws: 0,
          drawsWithoutPlan: 0,
          solver: 'greedy-improved',
          reason: 'SCOPE_TOO_LARGE',
          byEpic: {},
        })}
      />,
    );

    expect(rowOf('PAY-1')).toHaveTextContent('—');
    expect(screen.getByText(/not drawn, this scope has too many epics/)).toBeInTheDocument();
  });

  it('shows the column empty and no note for an answer without keep-probabilities', () => {
    render(<BudgetCutResults view={plannedView(undefined)} />);

    expect(rowOf('PAY-1')).toHaveTextContent('—');
    expect(screen.queryByText(/Keep-probability:/)).not.toBeInTheDocument();
  });
});
