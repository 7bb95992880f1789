import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RankingRow, RankingView, ScenarioView } from '../../../src/contract/planning.contract';
import type { ScopeChoices } from '../../../static/src/features/gadget/edit/scope-section';
import { PlanningPage } from '../../../static/src/features/planning/planning-page';
import { fakeBridge } from '../fake-bridge';
import { answerInvoke } from '../gadget/portfolio-fixtures';

const choices: ScopeChoices = {
  projects: () => Promise.resolve([{ value: 'PAY', label: 'Payments (PAY)' }]),
  programmes: () => Promise.resolve([]),
  objectives: () => Promise.resolve([{ value: 'OBJ-COST', label: 'Cut costs' }]),
};

function aRow(rank: number, key: string): RankingRow {
  return {
    rank,
    key,
    summary: `Epic ${key}`,
    project: 'PAY',
    programme: null,
    status: 'in_progress',
    remainingNpv: 470.54,
    remainingCost: 2000,
    remainingBenefit: 2500,
    costOfDelay: 4.66,
    remainingMonths: 1,
    cd3: 4.66,
    signal: { verdict: 'worth_finishing', margin: 500 },
  };
}

const ranking: RankingView = {
  asOf: '2026-03',
  currency: 'EUR',
  discountRate: 0.12,
  rows: [aRow(1, 'PAY-1'), aRow(2, 'PAY-3')],
  totals: {
    epics: 2,
    remainingNpv: 941.08,
    remainingCost: 4000,
    costOfDelay: 9.32,
    notWorthFinishing: 0,
    notWorthFinishingCost: 0,
  },
  doneEpics: 0,
  unreadable: [],
};

const year = { from: '2026-04', to: '2027-03', forecast: 4000, cap: 2000, planned: 2000, cashFreed: 2000 };

const planned: ScenarioView = {
  status: 'planned',
  asOf: '2026-03',
  currency: 'EUR',
  epics: 2,
  currentNpv: 2901.68,
  exact: {
    proven: true,
    npvRetained: 2848.72,
    cashFreed: 2000,
    periods: [year],
    decisions: [
      {
        key: 'PAY-1',
        summary: 'Epic PAY-1',
        project: 'PAY',
        choice: 'continue',
        npvRetained: 2431.14,
        remainingNpv: 2431.14,
        yearSpend: 2000,
        why: { kind: 'pin', text: 'Pinned: must continue.' },
        revision: 1,
      },
      {
        key: 'PAY-3',
        summary: 'Epic PAY-3',
        project: 'PAY',
        choice: 'delay',
        delayMonths: 12,
        npvRetained: 417.58,
        remainingNpv: 470.54,
        yearSpend: 0,
        why: { kind: 'ratio', text: 'Loses 0.03 of NPV per 1 of cash freed, against a cut-off of 0.03.' },
        revision: 1,
      },
    ],
  },
  greedy: {
    npvRetained: 2800,
    cashFreed: 2000,
    periods: [year],
    decisions: [
      {
        key: 'PAY-1',
        summary: 'Epic PAY-1',
        project: 'PAY',
        choice: 'continue',
        npvRetained: 2431.14,
        remainingNpv: 2431.14,
        yearSpend: 2000,
        why: { kind: 'pin', text: 'Pinned: must continue.' },
        revision: 1,
      },
      {
        key: 'PAY-3',
        summary: 'Epic PAY-3',
        project: 'PAY',
        choice: 'stop',
        npvRetained: 0,
        remainingNpv: 470.54,
        yearSpend: 0,
        why: { kind: 'ratio', text: 'Loses 0.24 of NPV per 1 of cash freed, against a cut-off of 0.24.' },
        revision: 1,
      },
    ],
  },
  greedyGap: 48.72,
  valueLostByObjective: [{ objectiveId: 'OBJ-COST', name: 'Cut costs', valueLost: 26.48 }],
  warnings: [],
};

function renderPage(run: (payload: Record<string, unknown>) => unknown) {
  fakeBridge.on('getContext', () => ({ accountId: 'user-1', siteUrl: 'https://example.atlassian.net' }));
  const calls = answerInvoke({
    'planning/get-ranking': () => ({ ok: true, data: ranking }),
    // A small scope: the server plans it at once rather than as a job.
    'planning/start-scenario': (payload) => {
      const answer = run(payload) as { ok: boolean; data?: unknown };
      return answer.ok ? { ok: true, data: { kind: 'result', view: answer.data } } : answer;
    },
    'planning/get-job': () => ({ ok: true, data: null }),
    'planning/list-scenarios': () => ({ ok: true, data: [] }),
  });
  render(<PlanningPage choices={choices} />);
  return calls;
}

const runs = (calls: { functionKey: string; payload: unknown }[]) =>
  calls.filter((call) => call.functionKey === 'planning/start-scenario').map((call) => call.payload);

describe('the budget cut panel', () => {
  it('runs a cut with the pins chosen in the ranking rows, and shows the decisions with their why', async () => {
    const user = userEvent.setup();
    const calls = renderPage(() => ({ ok: true, data: planned }));
    await screen.findByRole('table', { name: /Ranked by CD3/ });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Budget cut for PAY-1' }), 'Must continue');
    await user.clear(screen.getByRole('textbox', { name: /Cut \(%\)/ }));
    await user.type(screen.getByRole('textbox', { name: /Cut \(%\)/ }), '50');
    await user.click(screen.getByRole('button', { name: 'Run the cut' }));

    const decisions = await screen.findByRole('table', { name: /Decisions per epic/ });
    expect(runs(calls)).toEqual([
      {
        scope: { kind: 'all' },
        cap: { kind: 'percent-cut', percent: 50, perQuarter: false },
        pins: [{ key: 'PAY-1', pin: 'continue' }],
        floors: [],
      },
    ]);
    const pay3 = within(decisions).getByRole('rowheader', { name: /PAY-3/ }).closest('tr');
    if (pay3 === null) throw new Error('no row for PAY-3');
    expect(pay3).toHaveTextContent('Delay 12 months');
    expect(pay3).toHaveTextContent('Loses 0.03 of NPV per 1 of cash freed, against a cut-off of 0.03.');
    expect(pay3).toHaveTextContent('Stop'); // the greedy ranking's choice beside it
    const figures = screen.getByLabelText('The cut in figures');
    expect(figures).toHaveTextContent('NPV retained€2,848.72of €2,901.68 in the current plan');
    expect(figures).toHaveTextContent('Cash freed€2,000.00');
    expect(figures).toHaveTextContent('the optimised plan keeps €48.72 more');
    expect(screen.getByRole('table', { name: 'Value lost per objective' })).toHaveTextContent(
      'Cut costs€26.48',
    );
    expect(screen.getByRole('table', { name: 'Cash freed per period' })).toHaveTextContent('€2,000.00');
  });

  it('refuses a cut of more than 100% on the field, without running it', async () => {
    const user = userEvent.setup();
    const calls = renderPage(() => ({ ok: true, data: planned }));
    await screen.findByRole('table', { name: /Ranked by CD3/ });

    const cut = screen.getByRole('textbox', { name: /Cut \(%\)/ });
    await user.clear(cut);
    await user.type(cut, '120');
    await user.click(screen.getByRole('button', { name: 'Run the cut' }));

    expect(cut).toHaveAccessibleDescription(/The cut cannot be more than 100% of the forecast/);
    expect(cut).toHaveAttribute('aria-invalid', 'true');
    expect(runs(calls)).toEqual([]);
  });

  it('sends an amount per quarter and an objective floor', async () => {
    const user = userEvent.setup();
    const calls = renderPage(() => ({ ok: true, data: planned }));
    await screen.findByRole('table', { name: /Ranked by CD3/ });

    await user.click(screen.getByRole('radio', { name: 'Spend at most an amount' }));
    const cap = screen.getByRole('textbox', { name: /Cap \(EUR\)/ });
    await user.clear(cap);
    await user.type(cap, '1500');
    await user.click(screen.getByRole('checkbox', { name: 'Per quarter' }));
    await user.click(screen.getByRole('button', { name: 'Add an objective floor' }));
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Objective of floor 1' }),
      'Cut costs',
    );
    await user.type(screen.getByRole('textbox', { name: /Floor 1 \(EUR\)/ }), '300');
    await user.click(screen.getByRole('button', { name: 'Run the cut' }));

    await waitFor(() => {
      expect(runs(calls)).toEqual([
        {
          scope: { kind: 'all' },
          cap: { kind: 'amount', amount: 1500, perQuarter: true },
          pins: [],
          floors: [{ objectiveId: 'OBJ-COST', amount: 300 }],
        },
      ]);
    });
  });

  it('lists the constraints that cannot all hold when no plan exists', async () => {
    const user = userEvent.setup();
    renderPage(() => ({
      ok: true,
      data: {
        status: 'infeasible',
        asOf: '2026-03',
        currency: 'EUR',
        epics: 2,
        warnings: [],
        conflicts: [
          {
            code: 'PINS_AGAINST_DEPENDENCY',
            message: 'PAY-3 is pinned to stop, and it blocks PAY-1, which is pinned to continue.',
            constraints: ['PAY-3 must stop', 'PAY-1 must continue', 'PAY-3 blocks PAY-1'],
          },
        ],
      } satisfies ScenarioView,
    }));
    await screen.findByRole('table', { name: /Ranked by CD3/ });

    await user.click(screen.getByRole('button', { name: 'Run the cut' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No plan can meet this scenario');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['PAY-3 must stop', 'PAY-1 must continue', 'PAY-3 blocks PAY-1']);
  });

  it('names the field the server refused', async () => {
    const user = userEvent.setup();
    renderPage(() => ({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Some fields are not valid.',
        fields: [{ path: 'cap.amount', message: 'must be at most 1,000,000,000,000' }],
      },
    }));
    await screen.findByRole('table', { name: /Ranked by CD3/ });

    await user.click(screen.getByRole('button', { name: 'Run the cut' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The cut could not be run');
    expect(screen.getByRole('textbox', { name: /Cut \(%\)/ })).toHaveAccessibleDescription(
      /The cap must be at most 1,000,000,000,000\./,
    );
  });
});
