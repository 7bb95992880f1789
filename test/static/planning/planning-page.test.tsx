import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RankingRow, RankingView } from '../../../src/contract/planning.contract';
import type { ScopeChoices } from '../../../static/src/features/gadget/edit/scope-section';
import { PlanningPage } from '../../../static/src/features/planning/planning-page';
import { fakeBridge } from '../fake-bridge';
import { answerInvoke } from '../gadget/portfolio-fixtures';

const choices: ScopeChoices = {
  projects: () =>
    Promise.resolve([
      { value: 'PAY', label: 'Payments (PAY)' },
      { value: 'OPS', label: 'Operations (OPS)' },
    ]),
  programmes: () => Promise.resolve([]),
  objectives: () => Promise.resolve([{ value: 'OBJ-1', label: 'Grow revenue' }]),
};

function aRow(rank: number, key: string, patch: Partial<RankingRow> = {}): RankingRow {
  return {
    rank,
    key,
    summary: `Epic ${key}`,
    project: key.split('-')[0] ?? '',
    programme: null,
    status: 'in_progress',
    remainingNpv: 374.55,
    remainingCost: 1200,
    remainingBenefit: 1600,
    costOfDelay: 3.71,
    remainingMonths: 2,
    cd3: 1.855,
    signal: { verdict: 'worth_finishing', margin: 400 },
    ...patch,
  };
}

function aRanking(rows: RankingRow[], patch: Partial<RankingView> = {}): RankingView {
  return {
    asOf: '2026-03',
    currency: 'EUR',
    discountRate: 0.12,
    rows,
    totals: {
      epics: rows.length,
      remainingNpv: 164.0,
      remainingCost: 2400,
      costOfDelay: 1.62,
      notWorthFinishing: 1,
      notWorthFinishingCost: 1200,
    },
    doneEpics: 0,
    unreadable: [],
    ...patch,
  };
}

const notWorthIt = aRow(2, 'PAY-2', {
  remainingNpv: -210.71,
  remainingBenefit: 1000,
  costOfDelay: -2.09,
  cd3: -1.045,
  signal: { verdict: 'not_worth_finishing', margin: -200 },
});

function renderPage(answer: (payload: Record<string, unknown>) => unknown) {
  fakeBridge.on('getContext', () => ({ accountId: 'user-1', siteUrl: 'https://example.atlassian.net' }));
  const calls = answerInvoke({
    'planning/get-ranking': answer,
    'planning/list-scenarios': () => ({ ok: true, data: [] }),
    'planning/get-job': () => ({ ok: true, data: null }),
  });
  render(<PlanningPage choices={choices} />);
  return calls;
}

/** The rankings asked for, in order (the saved scenarios' list is read beside them). */
const rankings = (calls: { functionKey: string; payload: unknown }[]) =>
  calls.filter((call) => call.functionKey === 'planning/get-ranking');

describe('PlanningPage', () => {
  it('ranks the whole site by CD3 at first, naming each figure as the vocabulary does', async () => {
    const calls = renderPage(() => ({ ok: true, data: aRanking([aRow(1, 'PAY-1'), notWorthIt]) }));

    const table = await screen.findByRole('table', {
      name: /^Ranked by CD3, highest first, as of Mar 2026$/,
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual([
      'Rank and epic',
      'Stop or continue',
      'CD3',
      'Cost of delay / month',
      'Remaining NPV',
      'Remaining cost',
      'Remaining months',
      'Budget cut',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      '1PAY-1 (opens in a new tab) Epic PAY-1',
      '2PAY-2 (opens in a new tab) Epic PAY-2',
    ]);
    expect(rankings(calls).map((call) => call.payload)).toEqual([{ scope: { kind: 'all' } }]);
  });

  it('flags an epic not worth finishing with a lozenge and its reason', async () => {
    renderPage(() => ({ ok: true, data: aRanking([aRow(1, 'PAY-1'), notWorthIt]) }));

    const row = (await screen.findByRole('rowheader', { name: /PAY-2/ })).closest('tr');
    if (row === null) throw new Error('no row for PAY-2');

    expect(within(row).getByText('Not worth finishing')).toHaveClass('vl-lozenge--removed');
    expect(row).toHaveTextContent(
      'Remaining risk-adjusted benefit €1,000.00 is below remaining cost €1,200.00: finishing loses €200.00.',
    );
    expect(screen.getByLabelText('Totals of the scope')).toHaveTextContent(
      /Not worth finishing1€1,200.00 still to spend on them/,
    );
  });

  it('ranks the scope chosen, and names the field when none of its projects is ticked', async () => {
    const user = userEvent.setup();
    const calls = renderPage(() => ({ ok: true, data: aRanking([aRow(1, 'PAY-1')]) }));
    await screen.findByRole('table');

    await user.click(screen.getByRole('radio', { name: 'Projects' }));
    await user.click(screen.getByRole('button', { name: 'Rank epics' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Scope: Choose at least one project.');
    expect(rankings(calls)).toHaveLength(1);

    await user.click(await screen.findByRole('checkbox', { name: 'Payments (PAY)' }));
    await user.click(screen.getByRole('button', { name: 'Rank epics' }));

    await waitFor(() => {
      expect(rankings(calls).map((call) => call.payload)).toEqual([
        { scope: { kind: 'all' } },
        { scope: { kind: 'projects', projects: ['PAY'] } },
      ]);
    });
  });

  it('says why nothing is ranked when the scope has no in-flight epic', async () => {
    renderPage(() => ({ ok: true, data: aRanking([], { doneEpics: 2 }) }));

    expect(await screen.findByRole('heading', { name: 'No in-flight epics to rank' })).toBeInTheDocument();
    expect(screen.getByText(/The 2 epics you can browse in this scope are done/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows what failed and tries again on request', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    renderPage(() => {
      attempts += 1;
      return attempts === 1
        ? { ok: false, error: { code: 'UPSTREAM', message: 'Jira is not answering. Try again in a moment.' } }
        : { ok: true, data: aRanking([aRow(1, 'PAY-1')]) };
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The ranking could not be computed');
    expect(alert).toHaveTextContent('Jira is not answering.');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('shows Jira’s refusal of a JQL filter at the JQL field', async () => {
    const user = userEvent.setup();
    renderPage((payload) =>
      (payload['scope'] as { kind: string }).kind === 'jql'
        ? {
            ok: false,
            error: {
              code: 'BAD_REQUEST',
              message: 'Jira rejected the JQL.',
              fields: [{ path: 'jql', message: "Field 'colour' does not exist." }],
            },
          }
        : { ok: true, data: aRanking([aRow(1, 'PAY-1')]) },
    );
    await screen.findByRole('table');

    await user.click(screen.getByRole('radio', { name: 'JQL filter' }));
    await user.type(screen.getByRole('textbox', { name: /JQL query/ }), 'colour = red');
    await user.click(screen.getByRole('button', { name: 'Rank epics' }));

    expect(await screen.findByRole('textbox', { name: /JQL query/ })).toHaveAccessibleDescription(
      expect.stringContaining("Field 'colour' does not exist.") as string,
    );
  });
});
