import { screen } from '@testing-library/react';
import type { EpicPlanningFigures } from '../../../src/contract/panel.contract';
import { renderPanel, serveHost, viewOf } from './panel-fixtures';

/** The worked example of docs/kpis.md ("Value planning"), at p = 0.5. */
const notWorthFinishing: EpicPlanningFigures = {
  remainingNpv: -25.2,
  remainingCost: 1200,
  remainingBenefit: 1000,
  costOfDelay: 1.86,
  remainingMonths: 2,
  cd3: 0.93,
  signal: { verdict: 'not_worth_finishing', margin: -200 },
};

const metric = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;

describe('EpicPanel planning figures', () => {
  it('shows the cost of delay with CD3, and an epic not worth finishing with its reason', async () => {
    serveHost(viewOf({ planning: notWorthFinishing }));
    await renderPanel();

    expect(metric('Cost of delay')).toHaveTextContent('€1.86 a month');
    expect(metric('Cost of delay')).toHaveTextContent('CD3 €0.93, over 2 months left');
    expect(screen.getByText('Not worth finishing')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Remaining risk-adjusted benefit €1,000.00 is below remaining cost €1,200.00: finishing loses €200.00.',
      ),
    ).toBeVisible();
  });

  it('says so when no cost remains to fund', async () => {
    serveHost(
      viewOf({
        planning: {
          ...notWorthFinishing,
          cd3: null,
          cd3Reason: 'NO_REMAINING_WORK',
          signal: { verdict: 'nothing_to_fund', margin: 1000 },
        },
      }),
    );
    await renderPanel();

    expect(metric('Cost of delay')).toHaveTextContent('No cost remains to fund');
    expect(screen.getByText('Nothing to fund')).toBeInTheDocument();
  });

  it('shows neither for a Done epic', async () => {
    serveHost(viewOf({ planning: null }));
    await renderPanel();

    expect(screen.queryByText('Cost of delay', { selector: 'dt' })).not.toBeInTheDocument();
    expect(screen.queryByText(/finishing|Nothing to fund/)).not.toBeInTheDocument();
  });
});
