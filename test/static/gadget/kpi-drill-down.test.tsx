import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GadgetApp } from '../../../static/src/features/gadget/gadget-app';
import { fakeBridge } from '../fake-bridge';
import { answerInvoke, epicRow, figures, gadgetContext, portfolioView } from './portfolio-fixtures';

const march = () => new Date(2026, 2, 15);

/** Two epics that avoided cost, as the resolver lists them for the cost avoidance tile. */
const costAvoiders = [
  epicRow({
    key: 'PAY-1',
    kpis: figures({ epics: 1, costAvoidanceRealised: 1200, realisedBenefit: 1500 }),
  }),
  epicRow({
    key: 'OPS-4',
    summary: 'Licence pool',
    kpis: figures({ epics: 1, costAvoidanceRealised: 300.5, realisedBenefit: 300.5 }),
  }),
];

function renderGadget(view = portfolioView({ portfolio: figures({ costAvoidanceRealised: 1500.5 }) })) {
  gadgetContext();
  const calls = answerInvoke({
    'gadget/get-portfolio': () => ({ ok: true, data: view }),
    'gadget/list-epics': (payload) => ({
      ok: true,
      data: {
        asOf: '2026-03',
        currency: 'EUR',
        epics: payload['kpi'] === 'costAvoidanceRealised' ? costAvoiders : [],
        jql: 'issuetype in (10001)',
      },
    }),
  });
  fakeBridge.on('navigate', () => undefined);
  render(<GadgetApp now={march} />);
  return calls;
}

async function openTile(name: string) {
  const user = userEvent.setup();
  const tiles = await screen.findByRole('region', { name: 'Key figures' });
  await user.click(
    within(within(tiles).getByRole('listitem', { name })).getByRole('button', {
      name: /Show the epics behind it/,
    }),
  );
  return user;
}

describe('the drill-down of a KPI tile', () => {
  it('opens the epics behind cost avoidance with a cost avoidance column whose total is the tile', async () => {
    const calls = renderGadget();
    await openTile('Cost avoidance realised');

    const table = await screen.findByRole('table', { name: /Cost avoidance realised/ });
    expect(calls.at(-1)).toEqual({
      functionKey: 'gadget/list-epics',
      payload: {
        scope: { kind: 'all' },
        asOf: '2026-03',
        filter: { by: 'all' },
        kpi: 'costAvoidanceRealised',
      },
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    // The figures come first after the key, so a narrow gadget shows them without scrolling.
    expect(headers).toEqual(['Epic', 'Cost avoidance realised', 'Realised benefit', 'Summary', 'Status']);
    const total = within(table).getByRole('rowheader', { name: 'Total' }).closest('tr');
    expect(total).toHaveTextContent('2 epics');
    expect(total).toHaveTextContent('€1,500.50');
    expect(
      screen.getByText('The cost avoidance realised by these epics adds up to the tile.'),
    ).toBeInTheDocument();
  });

  it('offers the drill-down in Jira issue search with its JQL', async () => {
    renderGadget();
    const user = await openTile('Cost avoidance realised');

    const link = await screen.findByRole('link', { name: /Open in issue search/ });
    expect(link).toHaveAttribute(
      'href',
      'https://example.atlassian.net/issues/?jql=issuetype%20in%20(10001)',
    );
    await user.click(link);
    expect(fakeBridge.calls.find((call) => call.method === 'navigate')?.payload).toEqual({
      url: 'https://example.atlassian.net/issues/?jql=issuetype%20in%20(10001)',
      type: 'new-tab',
    });
  });

  it('rebuilds a ratio tile in the total row from the totals beside it', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': () => ({
        ok: true,
        data: {
          asOf: '2026-03',
          currency: 'EUR',
          jql: 'issuetype in (10001)',
          epics: [
            epicRow({
              key: 'PAY-1',
              kpis: figures({ realisedBenefit: 900, plannedBenefitToDate: 1000, realisationRate: 0.9 }),
            }),
            epicRow({
              key: 'PAY-2',
              kpis: figures({ realisedBenefit: 300, plannedBenefitToDate: 1000, realisationRate: 0.3 }),
            }),
          ],
        },
      }),
    });
    fakeBridge.on('navigate', () => undefined);
    render(<GadgetApp now={march} />);
    await openTile('Realisation rate');

    const table = await screen.findByRole('table', { name: /Realisation rate/ });
    const total = within(table).getByRole('rowheader', { name: 'Total' }).closest('tr');
    // (900 + 300) / (1,000 + 1,000): the portfolio's rate, not the average of the epics' rates.
    expect(total).toHaveTextContent('60%');
    expect(total).toHaveTextContent('€1,200.00');
    expect(total).toHaveTextContent('€2,000.00');
  });

  it('signs forecast drift in its column and rebuilds it in the total row from the baselined plans', async () => {
    const drifted = (key: string, current: number, approved: number) =>
      epicRow({
        key,
        kpis: figures({ forecastDrift: (current - approved) / approved }),
        drill: {
          verifiedRealised: 0,
          grossRealisedBenefit: 0,
          alignedForecastCost: 0,
          nps: null,
          baseline: {
            realisedBenefit: 0,
            approvedPlannedBenefitToDate: 0,
            approvedPlannedBenefit: approved,
            currentPlannedBenefit: current,
          },
        },
      });
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({
        ok: true,
        data: portfolioView({ portfolio: figures({ forecastDrift: -0.3 }) }),
      }),
      'gadget/list-epics': () => ({
        ok: true,
        data: {
          asOf: '2026-03',
          currency: 'EUR',
          jql: 'issuetype in (10001)',
          epics: [drifted('PAY-1', 2000, 4000), drifted('PAY-2', 1500, 1000)],
        },
      }),
    });
    fakeBridge.on('navigate', () => undefined);
    render(<GadgetApp now={march} />);
    await openTile('Forecast drift');

    const table = await screen.findByRole('table', { name: /Forecast drift/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual([
      'Epic',
      'Forecast drift',
      'Current planned benefit',
      'Approved planned benefit',
      'Summary',
      'Status',
    ]);
    expect(within(table).getByRole('row', { name: /PAY-1/ })).toHaveTextContent('-50%');
    expect(within(table).getByRole('row', { name: /PAY-2/ })).toHaveTextContent('+50%');
    const total = within(table).getByRole('rowheader', { name: 'Total' }).closest('tr');
    // (3,500 − 5,000) ÷ 5,000: the portfolio's drift, not the mean of −50% and +50%.
    expect(total).toHaveTextContent('-30%');
    expect(total).toHaveTextContent('€3,500.00');
    expect(total).toHaveTextContent('€5,000.00');
  });

  it('lists the dis-benefits as reductions that add up to the tile, beside realised before and after them', async () => {
    const lossy = (key: string, realised: number, dis: number) =>
      epicRow({
        key,
        kpis: figures({ realisedBenefit: realised, disBenefitRealised: dis }),
        drill: {
          verifiedRealised: 0,
          grossRealisedBenefit: realised + dis,
          alignedForecastCost: 0,
          nps: null,
          baseline: null,
        },
      });
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({
        ok: true,
        data: portfolioView({ portfolio: figures({ disBenefitRealised: 400 }) }),
      }),
      'gadget/list-epics': () => ({
        ok: true,
        data: {
          asOf: '2026-03',
          currency: 'EUR',
          jql: 'issuetype in (10001)',
          epics: [lossy('PAY-1', 600, 300), lossy('PAY-2', 400, 100)],
        },
      }),
    });
    fakeBridge.on('navigate', () => undefined);
    render(<GadgetApp now={march} />);
    await openTile('Dis-benefit realised');

    const table = await screen.findByRole('table', { name: /Dis-benefit realised/ });
    expect(within(table).getByRole('row', { name: /PAY-1/ })).toHaveTextContent('-€300.00');
    const total = within(table).getByRole('rowheader', { name: 'Total' }).closest('tr');
    expect(total).toHaveTextContent('-€400.00');
    expect(total).toHaveTextContent('€1,400.00');
    expect(total).toHaveTextContent('€1,000.00');
    expect(screen.getByText(/Each reduces its epic’s net benefit/)).toBeInTheDocument();
  });

  it('lists the objectives behind "Strategic goals advanced" and the count that makes the tile', async () => {
    renderGadget();
    await openTile('Strategic goals advanced');

    const table = await screen.findByRole('table', { name: /Strategic goals advanced/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Cut churn',
      'Grow revenue',
    ]);
    expect(screen.getByText(/1 of 2 active objectives advanced = 50%/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open in issue search/ })).toHaveAttribute(
      'href',
      `https://example.atlassian.net/issues/?jql=${encodeURIComponent('valueObjective in ("OBJ-3", "OBJ-1")')}`,
    );
  });

  it('lists for "Objectives on track" only the active objectives with a target, with forecast and target', async () => {
    renderGadget();
    await openTile('Objectives on track');

    const table = await screen.findByRole('table', { name: /Objectives on track/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Grow revenue');
    expect(rows[0]).toHaveTextContent('On track');
    expect(rows[0]).toHaveTextContent('€1,100.00');
    expect(rows[0]).toHaveTextContent('€1,150.00');
    expect(
      screen.getByText(/1 of 1 active objectives with a target are on track = 100%/),
    ).toBeInTheDocument();
  });
});

describe('the KPI tiles', () => {
  it('shows IRR, MIRR, payback and discounted payback, and "% of objectives on track"', async () => {
    renderGadget();
    const tiles = await screen.findByRole('region', { name: 'Key figures' });

    expect(within(tiles).getByRole('listitem', { name: 'IRR' })).toHaveTextContent('72.5%');
    expect(within(tiles).getByRole('listitem', { name: 'MIRR' })).toHaveTextContent('56.6%');
    expect(within(tiles).getByRole('listitem', { name: 'Payback month' })).toHaveTextContent('May 2026');
    expect(within(tiles).getByRole('listitem', { name: 'Discounted payback month' })).toHaveTextContent(
      'May 2026',
    );
    expect(within(tiles).getByRole('listitem', { name: 'Objectives on track' })).toHaveTextContent('100%');
  });

  it('says why a KPI is not computable instead of a number', async () => {
    renderGadget(
      portfolioView({
        portfolio: figures({ irr: null, paybackMonth: null }),
        objectivesOnTrackPct: null,
      }),
    );
    const tiles = await screen.findByRole('region', { name: 'Key figures' });

    const irr = within(tiles).getByRole('listitem', { name: 'IRR' });
    expect(irr).toHaveTextContent(/Not computable\. No single yearly rate makes these cash flows’ NPV zero/);
    expect(within(tiles).getByRole('listitem', { name: 'Payback month' })).toHaveTextContent(
      /Not computable\. The cumulative cash flow is never in deficit, or does not recover/,
    );
    expect(within(tiles).getByRole('listitem', { name: 'Objectives on track' })).toHaveTextContent(
      /Not computable\. No active objective has a target/,
    );
    expect(tiles).not.toHaveTextContent(/NaN|undefined|Infinity/);
  });
});

describe('a drill-down that fails', () => {
  it('names the KPI whose epics could not be loaded, and offers to try again', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': () => ({
        ok: false,
        error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time.' },
      }),
    });
    render(<GadgetApp now={march} />);
    await openTile('NPV');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The epics behind NPV could not be loaded');
    expect(alert).toHaveTextContent('Jira did not answer in time.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
