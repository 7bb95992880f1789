import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EpicPanel } from '../../../static/src/features/epic-panel/epic-panel';
import { EMPTY_KPIS, EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

/** The figure shown under a summary label. */
function metric(label: string): string {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

const workedValue = {
  ...EMPTY_VALUE,
  successProbability: 0.8,
  objectives: [{ id: 'OBJ-1', share: 0.5 }],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue' as const,
      title: 'Conversion uplift',
      planned: [
        { month: '2026-10', amount: 1000 },
        { month: '2026-11', amount: 1000 },
        { month: '2026-12', amount: 1000 },
      ],
      realised: [{ month: '2026-10', amount: 1500, evidence: 'verified' as const }],
    },
  ],
};

describe('EpicPanel', () => {
  it('shows a loading skeleton, then the summary in the site currency', async () => {
    serveHost(
      viewOf({
        revision: 2,
        updatedAt: '2026-11-20T09:00:00.000Z',
        updatedBy: 'acc-priya',
        value: workedValue,
        kpis: {
          ...EMPTY_KPIS,
          plannedBenefit: 3000,
          plannedBenefitToDate: 2000,
          realisedBenefit: 1500,
          realisationRate: 0.75,
          riskAdjustedBenefit: 2300,
          costBudget: 1200,
          actualCost: 800,
          forecastCost: 1200,
          roi: 0.875,
          expectedRoi: 0.9167,
          npv: 1234.56,
        },
      }),
    );

    render(<EpicPanel />);

    expect(screen.getByRole('status', { name: 'Loading the epic’s value' })).toBeInTheDocument();
    await screen.findByRole('tab', { name: 'Value', selected: true });
    expect(metric('Realised benefit')).toBe('€1,500.00of €2,000.00 planned to date');
    expect(metric('Realisation rate')).toContain('75%');
    expect(metric('ROI to date')).toContain('87.5%');
    expect(metric('NPV')).toContain('€1,234.56');
    expect(metric('Cost')).toBe('€800.00 actual€1,200.00 budget · €1,200.00 forecast');
    expect(metric('Success probability')).toContain('80%');
    expect(metric('Objectives')).toBe('Grow recurring revenue (50%)');
    expect(await screen.findByText(/Last saved by Priya Natarajan/)).toBeInTheDocument();
  });

  it('charts planned against realised benefit with a takeaway title and a table of the numbers', async () => {
    serveHost(viewOf({ value: workedValue, kpis: { ...EMPTY_KPIS, realisationRate: 0.75 } }));
    const user = userEvent.setup();
    await renderPanel();

    const chart = screen.getByRole('img', { name: /^Realised 75% of the plan to date/ });
    expect(chart).toHaveAccessibleName(
      'Realised 75% of the plan to date Planned benefit adds up to €3,000.00 by Dec 2026. By Nov 2026, €1,500.00 was realised against €2,000.00 planned.',
    );
    await user.click(screen.getByRole('button', { name: 'Show the numbers as a table' }));

    const table = screen.getByRole('table', { name: 'Planned and realised benefit by month' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'MonthPlannedRealisedPlanned, runningRealised, running',
      'Oct 2026€1,000.00€1,500.00€1,000.00€1,500.00',
      'Nov 2026€1,000.00€0.00€2,000.00€1,500.00',
      'Dec 2026€1,000.00—€3,000.00—',
    ]);
    expect(screen.getByRole('button', { name: 'Hide the numbers' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('explains how to start when nothing is recorded yet', async () => {
    serveHost(viewOf());
    await renderPanel();

    expect(screen.getByText('No benefits recorded yet.')).toBeInTheDocument();
    expect(screen.getByText(/chart of planned and realised benefit appears once/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add benefit' })).toBeInTheDocument();
    expect(screen.getByText('Not saved yet.')).toBeInTheDocument();
  });

  it('says what went wrong and tries again when the value cannot be loaded', async () => {
    const host = serveHost(viewOf());
    const user = userEvent.setup();
    const answer = host.answerGet;
    host.answerGet = () => ({
      ok: false,
      error: {
        code: 'UPSTREAM',
        message: 'Jira did not answer. Nothing was changed; try again in a moment.',
      },
    });
    render(<EpicPanel />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The value could not be loaded');
    expect(alert).toHaveTextContent('Jira did not answer.');
    host.answerGet = answer;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('tab', { name: 'Value' })).toBeInTheDocument();
  });

  it('says the panel is for epics, without a pointless retry, on an issue that is not an epic', async () => {
    const host = serveHost(viewOf());
    host.answerGet = () => ({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'CHK-7 is not an epic, so it has no value record.' },
    });
    render(<EpicPanel />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Value is recorded on epics only');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('is read only, and says why, for a user without Edit permission', async () => {
    serveHost(
      viewOf({
        value: workedValue,
        canEdit: false,
        readOnlyReason:
          "You can view this epic's value but not change it: that needs the Edit issues permission in project CHK.",
      }),
    );
    const user = userEvent.setup();
    await renderPanel();

    expect(screen.getByRole('note')).toHaveTextContent(
      "Read only. You can view this epic's value but not change it: that needs the Edit issues permission in project CHK.",
    );
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add benefit' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Grow recurring revenue' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' })).toHaveAttribute(
      'readonly',
    );

    await user.click(screen.getByRole('button', { name: 'Conversion uplift' }));
    const benefit = screen.getByRole('region', { name: 'Conversion uplift' });
    expect(
      within(benefit).getByRole('textbox', { name: 'Planned benefit: amount for Oct 2026' }),
    ).toHaveAttribute('readonly');
    expect(within(benefit).getByRole('combobox', { name: 'Kind' })).toBeDisabled();
    expect(
      within(benefit).queryByRole('button', { name: /Remove|Add month|Spread|Paste/ }),
    ).not.toBeInTheDocument();
  });

  it('moves between the Value and History tabs with the arrow keys', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('tab', { name: 'Value' }));
    await user.keyboard('{ArrowRight}');

    expect(screen.getByRole('tab', { name: 'History' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('No changes yet.')).toBeVisible();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('History');
  });
});
