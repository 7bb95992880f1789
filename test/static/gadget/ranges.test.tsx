import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GadgetApp } from '../../../static/src/features/gadget/gadget-app';
import { answerInvoke, gadgetContext, portfolioView, rangesView } from './portfolio-fixtures';

const march = () => new Date(2026, 2, 15);

describe('the gadget’s risk ranges', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('asks for the ranges of the configured scope and shows P10–P90 on the NPV and realised benefit tiles', async () => {
    gadgetContext({ configuration: { tiles: ['realisedBenefit', 'npv'] } });
    const calls = answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({ ok: true, data: rangesView() }),
    });
    render(<GadgetApp now={march} />);

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    const npv = within(tiles).getByRole('listitem', { name: 'NPV' });
    expect(await within(npv).findByText(/P10–P90/)).toHaveTextContent(
      'P10–P90: -€1.2K to €2.4K · 18% chance NPV below zero',
    );
    expect(within(tiles).getByRole('listitem', { name: 'Realised benefit' })).toHaveTextContent(
      'By Mar 2027, P10–P90: €2.1K to €5.6K',
    );
    expect(calls).toContainEqual({
      functionKey: 'gadget/get-ranges',
      payload: { scope: { kind: 'all' }, asOf: '2026-03' },
    });
  });

  it('draws the fan chart with its seed, and gives the same figures as a table', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({ ok: true, data: rangesView() }),
    });
    render(<GadgetApp now={march} />);

    const fan = await screen.findByRole('figure', { name: 'Benefit range over time' });
    expect(
      within(fan).getByText('By Mar 2027: €5.2K planned, P10–P90 €2.1K to €5.6K', { selector: 'p' }),
    ).toBeInTheDocument();
    expect(within(fan).getByText(/Seed 12345 · 2,000 draws/)).toBeInTheDocument();
    expect(within(fan).getByRole('img')).toHaveAccessibleName(
      'By Mar 2027: €5.2K planned, P10–P90 €2.1K to €5.6K',
    );

    await userEvent.click(within(fan).getByRole('button', { name: 'Show as table' }));

    const rows = within(within(fan).getByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'MonthPlanP10P50P90',
      'Mar 2026€1,800.00€1,800.00€1,800.00€1,800.00',
      'Sep 2026€3,600.00€2,000.00€3,300.00€4,100.00',
      'Mar 2027€5,200.00€2,100.00€4,300.00€5,600.00',
    ]);
  });

  it('says why the ranges are missing when the scope is too large for one request', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({
        ok: false,
        error: { code: 'TOO_LARGE', message: 'This scope has 6,000 epics, too many for 2,000 draws.' },
      }),
    });
    render(<GadgetApp now={march} />);

    expect(
      await screen.findByText(
        /The risk ranges could not be computed: This scope has 6,000 epics/,
        undefined,
        {
          timeout: 5000,
        },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('figure', { name: 'Benefit range over time' })).not.toBeInTheDocument();
  });

  it('neither asks for nor shows ranges when the editor turned them off', async () => {
    gadgetContext({ configuration: { showRanges: false, tiles: ['npv'] } });
    const calls = answerInvoke({ 'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }) });
    render(<GadgetApp now={march} />);

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    expect(within(tiles).getByRole('listitem', { name: 'NPV' })).not.toHaveTextContent('P10');
    expect(screen.queryByRole('figure', { name: 'Benefit range over time' })).not.toBeInTheDocument();
    expect(calls.map((call) => call.functionKey)).not.toContain('gadget/get-ranges');
  });
});
