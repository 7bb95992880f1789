import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GadgetApp } from '../../../static/src/features/gadget/gadget-app';
import type { PlanningJobView } from '../../../src/contract/planning-job.contract';
import { answerInvoke, gadgetContext, portfolioView, rangesView } from './portfolio-fixtures';

const march = () => new Date(2026, 2, 15);

const TOO_LARGE =
  'This scope has more than 5,000 epics, too many to read in one request. Its risk ranges can be computed in the background.';

/** A ranges job of the server's queue, reading its scope's epics. */
function rangesJob(overrides: Partial<PlanningJobView> = {}): PlanningJobView {
  return {
    id: '6f1c1a52-5d2e-4c38-9a52-2f0d6b8f1e11',
    kind: 'ranges',
    state: 'running',
    phase: 'reading',
    progress: { done: 1200, total: null, label: 'Reading epics: 1,200 read' },
    createdAt: '2026-03-15T10:00:00.000Z',
    updatedAt: '2026-03-15T10:00:05.000Z',
    ...overrides,
  } as PlanningJobView;
}

function doneJob(): PlanningJobView {
  return {
    ...rangesJob({ state: 'done', phase: 'finished' }),
    kind: 'ranges',
    progress: { done: 6000, total: 6000, label: 'Done' },
    result: rangesView(),
  };
}

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

  it('offers to compute the ranges of a scope too large for one request in the background', async () => {
    gadgetContext();
    const calls = answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({ ok: false, error: { code: 'TOO_LARGE', message: TOO_LARGE } }),
      'gadget/find-ranges-job': () => ({ ok: true, data: null }),
      'gadget/start-ranges-job': () => ({ ok: true, data: rangesJob() }),
      'gadget/get-ranges-job': () => ({ ok: true, data: rangesJob() }),
    });
    render(<GadgetApp now={march} />);

    expect(await screen.findByText(TOO_LARGE)).toBeInTheDocument();
    expect(screen.queryByRole('figure', { name: 'Benefit range over time' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Compute in the background' }));

    const progress = await screen.findByRole('group', { name: 'Risk ranges in progress' });
    expect(within(progress).getByRole('progressbar')).toHaveAccessibleName('Reading epics: 1,200 read');
    expect(calls).toContainEqual({
      functionKey: 'gadget/start-ranges-job',
      payload: { scope: { kind: 'all' }, asOf: '2026-03' },
    });
  });

  it('shows the ranges once the job is done, on the tiles too, saying when they were computed', async () => {
    gadgetContext({ configuration: { tiles: ['npv'] } });
    let polls = 0;
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({ ok: false, error: { code: 'TOO_LARGE', message: TOO_LARGE } }),
      'gadget/find-ranges-job': () => ({ ok: true, data: rangesJob() }),
      'gadget/get-ranges-job': () => {
        polls += 1;
        return { ok: true, data: polls === 1 ? rangesJob() : doneJob() };
      },
    });
    render(<GadgetApp now={march} />);

    expect(await screen.findByRole('group', { name: 'Risk ranges in progress' })).toBeInTheDocument();
    const fan = await screen.findByRole('figure', { name: 'Benefit range over time' }, { timeout: 8000 });
    expect(within(fan).getByText(/Computed in the background at/)).toBeInTheDocument();
    const tiles = screen.getByRole('region', { name: 'Key figures' });
    expect(within(tiles).getByRole('listitem', { name: 'NPV' })).toHaveTextContent('P10–P90');
  }, 15_000);

  it('says why a job in the background stopped, and offers to start it again', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({ ok: false, error: { code: 'TOO_LARGE', message: TOO_LARGE } }),
      'gadget/find-ranges-job': () => ({ ok: true, data: rangesJob() }),
      'gadget/get-ranges-job': () => ({
        ok: true,
        data: rangesJob({
          state: 'failed',
          error: {
            code: 'TOO_LARGE',
            message: 'This scope has more than 20,000 epics, too many to simulate.',
          },
        }),
      }),
    });
    render(<GadgetApp now={march} />);

    expect(
      await screen.findByText(
        'The risk ranges computed in the background stopped: This scope has more than 20,000 epics, too many to simulate.',
        undefined,
        { timeout: 8000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again in the background' })).toBeEnabled();
  }, 15_000);

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
