import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DueReviewRow, ReviewsDueView } from '../../../src/contract/review.contract';
import { GadgetApp } from '../../../static/src/features/gadget/gadget-app';
import { installFetchClasses } from '../admin/fetch-classes';
import { fakeBridge } from '../fake-bridge';
import { answerInvoke, gadgetContext, portfolioView } from './portfolio-fixtures';

const march = () => new Date(2026, 2, 15);

// requestJira (the owners' names) builds a Request and answers with a Response; jsdom has neither.
beforeAll(installFetchClasses);

function reviewRow(overrides: Partial<DueReviewRow> = {}): DueReviewRow {
  return {
    issueKey: 'PAY-1',
    summary: 'Faster checkout',
    projectKey: 'PAY',
    offsetMonths: 3,
    dueDate: '2026-02-10',
    state: 'overdue',
    owners: ['owner-1'],
    ...overrides,
  };
}

function reviewsView(overrides: Partial<ReviewsDueView> = {}): ReviewsDueView {
  const reviews = overrides.reviews ?? [
    reviewRow(),
    reviewRow({
      issueKey: 'OPS-4',
      summary: 'Licence pool',
      projectKey: 'OPS',
      offsetMonths: 6,
      dueDate: '2026-04-01',
      state: 'due',
      owners: [],
    }),
  ];
  return {
    asOf: '2026-03-15',
    due: reviews.filter((row) => row.state === 'due').length,
    overdue: reviews.filter((row) => row.state === 'overdue').length,
    reviews,
    total: reviews.length,
    ...overrides,
  };
}

function renderGadget({
  configuration = { scope: { kind: 'projects', projects: ['PAY', 'OPS'] } },
  reviews = () => ({ ok: true, data: reviewsView() }),
}: { configuration?: unknown; reviews?: () => unknown } = {}) {
  gadgetContext({ configuration });
  const calls = answerInvoke({
    'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
    'gadget/live-page': () => ({ ok: true, data: { processed: 3, nextCursor: null, view: portfolioView() } }),
    'gadget/get-reviews': reviews,
  });
  fakeBridge.on('navigate', () => undefined);
  render(<GadgetApp now={march} />);
  return calls;
}

/** Jira's user/bulk as the viewer asks it: names the account ids it knows, leaves out the rest. */
function answerUserBulk(known: Record<string, string>): string[][] {
  const asked: string[][] = [];
  fakeBridge.on('fetchProduct', (request) => {
    const url = new URL((request as { restPath: string }).restPath, 'https://jira.test');
    const ids = url.searchParams.getAll('accountId');
    if (url.pathname === '/rest/api/3/user/bulk') asked.push(ids);
    const values = ids.flatMap((accountId) => {
      const displayName = known[accountId];
      return displayName === undefined ? [] : [{ accountId, displayName }];
    });
    return {
      status: url.pathname === '/rest/api/3/user/bulk' ? 200 : 404,
      statusText: '',
      headers: {},
      body: JSON.stringify({ values }),
      isAttachment: false,
    };
  });
  return asked;
}

async function reviewsTile() {
  const tiles = await screen.findByRole('region', { name: 'Key figures' });
  return within(tiles).getByRole('listitem', { name: 'Benefit reviews' });
}

describe('the benefit reviews tile', () => {
  it('shows the overdue and due counts of the gadget’s scope', async () => {
    const calls = renderGadget({
      reviews: () => ({
        ok: true,
        data: reviewsView({ due: 3, overdue: 2, total: 5 }),
      }),
    });

    const tile = await reviewsTile();
    expect(
      await within(tile).findByRole('button', {
        name: 'Benefit reviews: 2 overdue, 3 due. Show the reviews',
      }),
    ).toBeInTheDocument();
    expect(tile).toHaveTextContent('3 reviews due within 30 days');
    expect(tile).toHaveTextContent('2 reviews past their date');
    expect(calls.filter((call) => call.functionKey === 'gadget/get-reviews')).toContainEqual({
      functionKey: 'gadget/get-reviews',
      payload: { scope: { kind: 'projects', projects: ['PAY', 'OPS'] } },
    });
  });

  it('opens the reviews by keyboard and lists each with its epic link, review, state and owners', async () => {
    renderGadget({
      reviews: () => ({
        ok: true,
        data: reviewsView({
          reviews: [
            reviewRow({ owners: ['owner-1', 'owner-gone'] }),
            reviewRow({
              issueKey: 'OPS-4',
              summary: 'Licence pool',
              projectKey: 'OPS',
              offsetMonths: 6,
              dueDate: '2026-04-01',
              state: 'due',
              owners: [],
            }),
          ],
        }),
      }),
    });
    const asked = answerUserBulk({ 'owner-1': 'Morgan Reyes' });
    const user = userEvent.setup();
    const tile = await reviewsTile();
    const count = await within(tile).findByRole('button', { name: /Benefit reviews: 1 overdue, 1 due/ });
    count.focus();
    await user.keyboard('{Enter}');

    const table = await screen.findByRole('table', { name: 'Benefit reviews due and overdue' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [overdue, due] = rows as [HTMLElement, HTMLElement];
    expect(within(overdue).getByRole('link', { name: /PAY-1/ })).toHaveAttribute(
      'href',
      'https://example.atlassian.net/browse/PAY-1',
    );
    const cellsOf = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    await waitFor(() => {
      expect(cellsOf(overdue)).toEqual([
        'Faster checkout',
        'PAY',
        '3-month review',
        expect.stringMatching(/2026/),
        'Overdue',
        // Jira names the one it knows; the other keeps the account id rather than vanish.
        'Morgan Reyes, owner-gone',
      ]);
    });
    expect(asked).toEqual([['owner-1', 'owner-gone']]);
    expect(within(due).getByRole('link', { name: /OPS-4/ })).toBeInTheDocument();
    expect(
      within(due)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Licence pool',
      'OPS',
      '6-month review',
      expect.stringMatching(/2026/),
      'Due',
      'Not yet notified',
    ]);
    expect(screen.getByRole('heading', { name: /Benefit reviews due and overdue/ })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Back to overview' }));
    await waitFor(() => {
      expect(screen.getByRole('button', { name: /Benefit reviews: 1 overdue/ })).toHaveFocus();
    });
  });

  it('says how many reviews the list leaves out when the server sends only the first ones', async () => {
    renderGadget({ reviews: () => ({ ok: true, data: reviewsView({ overdue: 250, due: 0, total: 250 }) }) });
    const user = userEvent.setup();
    await user.click(await within(await reviewsTile()).findByRole('button', { name: /250 overdue/ }));

    expect(await screen.findByText('The first 2 of 250 reviews, overdue first.')).toBeInTheDocument();
  });

  it('shows the server’s reason instead of figures for a scope it refuses to count', async () => {
    const reason =
      'Benefit reviews are counted for all projects, projects or programmes, not for this scope.';
    renderGadget({
      configuration: { scope: { kind: 'jql', jql: 'labels = growth' } },
      reviews: () => ({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: reason,
          fields: [
            { path: 'scope.kind', message: 'must be all, projects or programmes for benefit reviews' },
          ],
        },
      }),
    });

    const tile = await reviewsTile();
    expect(await within(tile).findByText(reason)).toBeInTheDocument();
    expect(within(tile).queryByRole('button', { name: /Show the reviews/ })).not.toBeInTheDocument();
    expect(within(tile).queryByText(/could not be counted/)).not.toBeInTheDocument();
  });

  it('reports a failure to reach the server as an error that can be retried', async () => {
    let attempts = 0;
    renderGadget({
      reviews: () => {
        attempts += 1;
        return attempts === 1
          ? { ok: false, error: { code: 'INTERNAL', message: 'Jira did not answer.' } }
          : { ok: true, data: reviewsView() };
      },
    });
    const user = userEvent.setup();
    const tile = await reviewsTile();
    expect(await within(tile).findByText(/The reviews could not be counted/)).toBeInTheDocument();

    await user.click(within(tile).getByRole('button', { name: 'Try again' }));

    expect(await within(tile).findByRole('button', { name: /1 overdue, 1 due/ })).toBeInTheDocument();
  });

  it('appears on a gadget saved before the tile existed, next to the tiles it chose', async () => {
    renderGadget({
      configuration: {
        scope: { kind: 'all' },
        tiles: ['npv', 'roi'],
        offeredTiles: [
          'realisedBenefit',
          'realisationRate',
          'roi',
          'expectedRoi',
          'npv',
          'irr',
          'mirr',
          'paybackMonth',
          'discountedPaybackMonth',
          'valueForMoney',
          'costSavingRealised',
          'costAvoidanceRealised',
          'npsAtCompletion',
          'strategicGoalsAdvancedPct',
          'objectivesOnTrackPct',
          'strategicAlignmentPct',
          'verifiedShare',
        ],
      },
    });

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    expect(
      within(tiles)
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('aria-labelledby')),
    ).toEqual([
      'tile-npv',
      'tile-roi',
      // Added after this configuration was saved too, so shown for the same reason.
      'tile-disBenefitRealised',
      'tile-baselineRealisationRate',
      'tile-forecastDrift',
      'tile-benefitReviews',
    ]);
  });

  it('stays hidden on a gadget whose editor was offered the tile and left it out', async () => {
    const calls = renderGadget({
      configuration: { tiles: ['npv'], offeredTiles: ['npv', 'benefitReviews'] },
    });

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    expect(within(tiles).queryByRole('listitem', { name: 'Benefit reviews' })).not.toBeInTheDocument();
    expect(calls.map((call) => call.functionKey)).not.toContain('gadget/get-reviews');
  });
});
