import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BubbleChart, bubbleTakeaway } from '../../../static/src/charts/bubble-chart';
import { TrendChart, trendTakeaway } from '../../../static/src/charts/trend-chart';
import type { TrendPointView } from '../../../src/contract/gadget.contract';

const trend: TrendPointView[] = [
  { month: '2026-01', plannedBenefit: 0, realisedBenefit: 0, plannedCost: 2000, actualCost: 2100 },
  { month: '2026-02', plannedBenefit: 1000, realisedBenefit: 900, plannedCost: 3000, actualCost: 2900 },
  { month: '2026-03', plannedBenefit: 2500, realisedBenefit: 1800, plannedCost: 3000, actualCost: 2900 },
  { month: '2026-04', plannedBenefit: 3600, realisedBenefit: null, plannedCost: 3500, actualCost: null },
];

describe('trendTakeaway', () => {
  it('says how much of the plan to date was realised at the as-of month', () => {
    expect(trendTakeaway(trend, '2026-03')).toBe('Realised 72% of plan to date');
  });

  it('says so when nothing was planned up to the as-of month', () => {
    expect(trendTakeaway(trend, '2026-01')).toBe('No benefit was planned up to the as-of month');
    expect(trendTakeaway([], '2026-01')).toBe('No benefits or costs are planned yet');
  });
});

describe('TrendChart', () => {
  it('is an image named by its takeaway, with a description of what the lines are', () => {
    render(<TrendChart trend={trend} asOf="2026-03" currency="EUR" />);

    const chart = screen.getByRole('img', { name: 'Realised 72% of plan to date' });
    expect(chart).toHaveAccessibleDescription(
      /Dashed lines are the plan, solid lines what happened up to Mar 2026/,
    );
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent(
      'Planned benefitRealised benefitPlanned costActual cost',
    );
  });

  it('swaps the chart for a table of the same numbers and back', async () => {
    const user = userEvent.setup();
    render(<TrendChart trend={trend} asOf="2026-03" currency="EUR" />);

    await user.click(screen.getByRole('button', { name: 'Show as table' }));

    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Cumulative benefit and cost by month' });
    const april = within(table).getByRole('row', { name: /Apr 2026/ });
    expect(april).toHaveTextContent('€3,600.00');
    expect(april).toHaveTextContent('not yet');
    expect(screen.getByRole('button', { name: 'Show chart' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'Show chart' }));
    expect(screen.getByRole('img')).toBeInTheDocument();
  });
});

describe('BubbleChart', () => {
  const points = [
    { id: 'PAY-1', label: 'PAY-1 Card payments', x: 2600, y: 3100, weight: 0.8 },
    { id: 'OPS-1', label: 'OPS-1 Automation', x: 800, y: 700, weight: 0.5 },
  ];

  it('counts the epics on or above break-even in its takeaway', () => {
    expect(bubbleTakeaway(points)).toBe('1 of 2 epics are expected to return at least what they cost');
    expect(bubbleTakeaway([])).toBe('No epic has forecast cost or benefit yet');
  });

  it('draws one bubble per epic, each with its figures as a title, and a labelled break-even line', () => {
    const { container } = render(
      <BubbleChart
        heading="Value vs cost"
        points={points}
        xLabel="Forecast cost"
        yLabel="Risk-adjusted benefit"
        format={String}
      />,
    );

    expect(screen.getByRole('img', { name: /1 of 2 epics/ })).toBeInTheDocument();
    const titles = [...container.querySelectorAll('circle > title')].map((title) => title.textContent);
    expect(titles).toEqual([
      'PAY-1 Card payments: forecast cost 2600, risk-adjusted benefit 3100, success probability 80%',
      'OPS-1 Automation: forecast cost 800, risk-adjusted benefit 700, success probability 50%',
    ]);
    expect(screen.getByText('Break-even')).toBeInTheDocument();
  });

  it('lists the epics by cost in its table', async () => {
    const user = userEvent.setup();
    render(
      <BubbleChart
        heading="Value vs cost"
        points={points}
        xLabel="Forecast cost"
        yLabel="Risk-adjusted benefit"
        format={String}
      />,
    );

    await user.click(screen.getByRole('button', { name: 'Show as table' }));

    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'PAY-1 Card payments2600310080%',
      'OPS-1 Automation80070050%',
    ]);
  });
});
