import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FrontierPointView, FrontierView, RankingView } from '../../../src/contract/planning.contract';
import type { ScopeChoices } from '../../../static/src/features/gadget/edit/scope-section';
import { frontierTakeaway, proofWords } from '../../../static/src/features/planning/frontier-words';
import { PlanningPage } from '../../../static/src/features/planning/planning-page';
import { fakeBridge } from '../fake-bridge';
import { answerInvoke } from '../gadget/portfolio-fixtures';

const choices: ScopeChoices = {
  projects: () => Promise.resolve([{ value: 'PAY', label: 'Payments (PAY)' }]),
  programmes: () => Promise.resolve([]),
  objectives: () => Promise.resolve([{ value: 'OBJ-COST', label: 'Cut costs' }]),
};

const ranking: RankingView = {
  asOf: '2026-03',
  currency: 'EUR',
  discountRate: 0.12,
  rows: [
    {
      rank: 1,
      key: 'PAY-1',
      summary: 'Epic PAY-1',
      project: 'PAY',
      programme: null,
      status: 'in_progress',
      remainingNpv: 1950.79,
      remainingCost: 1000,
      remainingBenefit: 3000,
      costOfDelay: 19.31,
      remainingMonths: 1,
      cd3: 19.31,
      signal: { verdict: 'worth_finishing', margin: 2000 },
    },
  ],
  totals: {
    epics: 1,
    remainingNpv: 1950.79,
    remainingCost: 1000,
    costOfDelay: 19.31,
    notWorthFinishing: 0,
    notWorthFinishingCost: 0,
  },
  doneEpics: 0,
  unreadable: [],
};

type PlannedPoint = Extract<FrontierPointView, { status: 'planned' }>;

const planned = (cutPercent: number, npvRetained: number): PlannedPoint => ({
  cutPercent,
  status: 'planned',
  npvRetained,
  greedyNpvRetained: npvRetained,
  proof: 'proven',
  upperBound: null,
});

const frontier: FrontierView = {
  asOf: '2026-03',
  currency: 'EUR',
  epics: 1,
  currentNpv: 2000,
  points: [
    planned(0, 2000),
    planned(5, 1900),
    { ...planned(10, 1800), greedyNpvRetained: 1700, proof: 'gap', upperBound: 1818 },
    { ...planned(15, 1600), proof: 'not-solved' },
    {
      cutPercent: 20,
      status: 'infeasible',
      conflicts: [
        {
          code: 'PINS_EXCEED_CAP',
          message: 'The epics that must continue spend more than the cap from 2026-04 to 2027-03.',
          constraints: ['PAY-1 must continue'],
        },
      ],
    },
    { cutPercent: 25, status: 'not-solved' },
  ],
  warnings: [],
};

function renderPage() {
  fakeBridge.on('getContext', () => ({ accountId: 'user-1', siteUrl: 'https://example.atlassian.net' }));
  const calls = answerInvoke({
    'planning/get-ranking': () => ({ ok: true, data: ranking }),
    'planning/get-frontier': () => ({ ok: true, data: frontier }),
  });
  render(<PlanningPage choices={choices} />);
  return calls;
}

describe('the efficient frontier section', () => {
  it('asks for the frontier with the budget cut’s pins, floors and per quarter, and draws a point per cut', async () => {
    const user = userEvent.setup();
    const calls = renderPage();
    await screen.findByRole('table', { name: /Ranked by CD3/ });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Budget cut for PAY-1' }), 'Must continue');
    await user.click(screen.getByRole('checkbox', { name: 'Per quarter' }));
    await user.click(screen.getByRole('button', { name: 'Add an objective floor' }));
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Objective of floor 1' }),
      'Cut costs',
    );
    await user.type(screen.getByRole('textbox', { name: /Floor 1 \(EUR\)/ }), '300');
    await user.click(screen.getByRole('button', { name: 'Compute the frontier' }));

    const chart = await screen.findByRole('group', { name: frontierTakeaway(frontier.points, 'EUR') });
    expect(
      calls.filter((call) => call.functionKey === 'planning/get-frontier').map((call) => call.payload),
    ).toEqual([
      {
        scope: { kind: 'all' },
        perQuarter: true,
        pins: [{ key: 'PAY-1', pin: 'continue' }],
        floors: [{ objectiveId: 'OBJ-COST', amount: 300 }],
      },
    ]);
    const points = within(chart).getAllByRole('button');
    expect(points).toHaveLength(frontier.points.length);
    expect(points[2]).toHaveAccessibleName(
      /^Cut 10%: NPV retained €1,800.00, greedy ranking €1,700.00\. Not proven: within 1% /,
    );
    expect(points[4]).toHaveAccessibleName(/^Cut 20%\. No plan meets this cut: The epics that must continue/);
  });

  it('sets the budget cut to a point chosen from the keyboard', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('table', { name: /Ranked by CD3/ });
    await user.click(screen.getByRole('button', { name: 'Compute the frontier' }));
    const chart = await screen.findByRole('group', { name: /cut keeps/ });

    within(chart).getAllByRole('button')[3]?.focus();
    await user.keyboard('{Enter}');

    const cut = screen.getByRole('textbox', { name: /Cut \(%\)/ });
    expect(cut).toHaveValue('15');
    expect(cut).toHaveFocus();
    expect(
      screen.getByText('The budget cut is set to a 15% cut: run it to see its decisions.'),
    ).toBeVisible();
  });

  it('shows the same figures as a table, each cut with how sure it is and a button to use it', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('table', { name: /Ranked by CD3/ });
    await user.click(screen.getByRole('button', { name: 'Compute the frontier' }));
    await screen.findByRole('group', { name: /cut keeps/ });

    await user.click(screen.getByRole('button', { name: 'Show as table' }));

    const table = screen.getByRole('table', { name: 'NPV retained by cut of the forecast' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(
      frontier.points.map((point) => expect.stringContaining(proofWords(point, 'EUR')) as string),
    );
    await user.click(within(table).getByRole('button', { name: 'Use 5%' }));
    expect(screen.getByRole('textbox', { name: /Cut \(%\)/ })).toHaveValue('5');
  });
});

describe('frontierTakeaway', () => {
  it('returns what the deepest cut with a plan keeps against the shallowest, and that deeper ones have none', () => {
    expect(frontierTakeaway(frontier.points, 'EUR')).toBe(
      'A 15% cut keeps €1.6K, 80% of what a 0% cut keeps; no deeper cut has a plan',
    );
  });

  it('returns that the cuts cost no NPV when the frontier is flat', () => {
    expect(frontierTakeaway([planned(0, 3_300_000), planned(50, 3_300_000)], 'EUR')).toBe(
      'Cuts up to 50% cost no NPV: each keeps €3.3M',
    );
  });

  it('returns that no cut can be planned when none has a plan', () => {
    expect(frontierTakeaway([{ cutPercent: 0, status: 'not-solved' }], 'EUR')).toBe(
      'No cut from 0% to 50% can be planned',
    );
  });
});
