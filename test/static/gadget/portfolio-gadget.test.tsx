import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GadgetApp } from '../../../static/src/features/gadget/gadget-app';
import { TILE_IDS } from '../../../static/src/features/gadget/config/kpi-tiles';
import { fakeBridge } from '../fake-bridge';
import { answerInvoke, epicRow, gadgetContext, portfolioView } from './portfolio-fixtures';

const march = () => new Date(2026, 2, 15);

function renderGadget() {
  return render(<GadgetApp now={march} />);
}

/** A Blob's text (jsdom's Blob has no text()). */
function textOf(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (blob === undefined) {
      reject(new Error('no blob'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(new Error('unreadable blob'));
    };
    reader.readAsText(blob);
  });
}

describe('PortfolioGadget', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('shows an indeterminate progress bar that says the JQL is running while a JQL scope loads', async () => {
    gadgetContext({ configuration: { scope: { kind: 'jql', jql: 'labels = growth' } } });
    fakeBridge.on('invoke', () => new Promise(() => undefined));
    renderGadget();

    const progress = await screen.findByRole('progressbar', { name: /Running your JQL in Jira/ });
    expect(progress).not.toHaveAttribute('value');
  });

  it('asks for the configured scope as of the current month and shows its KPI tiles', async () => {
    gadgetContext({ configuration: { scope: { kind: 'projects', projects: ['PAY', 'OPS'] } } });
    const calls = answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': () => ({
        ok: true,
        data: { asOf: '2026-03', currency: 'EUR', epics: [epicRow()] },
      }),
    });
    renderGadget();

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    expect(calls[0]).toEqual({
      functionKey: 'gadget/get-portfolio',
      payload: { scope: { kind: 'projects', projects: ['PAY', 'OPS'] }, asOf: '2026-03' },
    });
    expect(screen.getByRole('heading', { name: 'Portfolio value', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Projects PAY, OPS')).toBeInTheDocument();
    expect(within(tiles).getAllByRole('listitem')).toHaveLength(TILE_IDS.length);
    expect(within(tiles).getByRole('listitem', { name: 'Realisation rate' })).toHaveTextContent('75%');
    expect(within(tiles).getByRole('listitem', { name: 'Value for money' })).toHaveTextContent('1.12×');
  });

  it('judges each tile by its own target, else the admin’s default, else the built-in one', async () => {
    gadgetContext({
      configuration: {
        tiles: ['realisationRate', 'roi', 'valueForMoney', 'npv'],
        targets: { realisationRate: { green: 0.7, amber: 0.5, higherIsBetter: true }, npv: null },
      },
    });
    answerInvoke({
      'gadget/get-portfolio': () => ({
        ok: true,
        data: portfolioView({
          // The admin's ROI target would put ROI to date (−37.9%) on target; the built-in one would not.
          kpiTargets: {
            roi: { green: -0.5, amber: -0.6, higherIsBetter: true },
            realisationRate: { green: 0.95, amber: 0.9, higherIsBetter: true },
          },
        }),
      }),
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
    });
    renderGadget();

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    const tile = (name: string) => within(tiles).getByRole('listitem', { name });
    expect(tile('Realisation rate')).toHaveTextContent('On target · Target ≥ 70%, at risk ≥ 50%');
    expect(tile('Realisation rate')).not.toHaveTextContent('default');
    expect(tile('ROI to date')).toHaveTextContent('On target · Target ≥ -50%');
    expect(tile('ROI to date')).toHaveTextContent('(admin default)');
    expect(tile('Value for money')).toHaveTextContent('At risk');
    expect(tile('Value for money')).toHaveTextContent('(built-in default)');
    expect(tile('NPV')).toHaveTextContent('No target set');
  });

  it('shows only the tiles the configuration chose, in catalogue order', async () => {
    gadgetContext({ configuration: { tiles: ['npv', 'roi'], offeredTiles: TILE_IDS } });
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
    });
    renderGadget();

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    expect(
      within(tiles)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['NPV', 'ROI to date']);
  });

  it('says part of the saved configuration was ignored when it cannot be read', async () => {
    gadgetContext({ configuration: { scope: { kind: 'galaxy' } } });
    const calls = answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
    });
    renderGadget();

    expect(
      await screen.findByText(/could not be read \(scope\); defaults are used instead/),
    ).toBeInTheDocument();
    expect(calls[0]?.payload['scope']).toEqual({ kind: 'all' });
  });

  it('explains how to start, with links, when the scope has no epic', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({
        ok: true,
        data: portfolioView({
          portfolio: { ...portfolioView().portfolio, epics: 0 },
          byProject: {},
          byProgramme: {},
        }),
      }),
    });
    renderGadget();

    expect(await screen.findByRole('heading', { name: 'No epics to add up yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find an epic' })).toHaveAttribute(
      'href',
      expect.stringContaining('https://example.atlassian.net/issues/?jql='),
    );
    fakeBridge.on('navigate', () => undefined);
    await userEvent.setup().click(screen.getByRole('button', { name: /Open the admin page/ }));
    expect(fakeBridge.calls.find((c) => c.method === 'navigate')?.payload).toEqual({
      target: 'module',
      moduleKey: 'value-admin',
      type: 'same-tab',
    });
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
  });

  it('says what failed and loads again on "Try again"', async () => {
    gadgetContext();
    let attempts = 0;
    answerInvoke({
      'gadget/get-portfolio': () => {
        attempts += 1;
        return attempts === 1
          ? {
              ok: false,
              error: {
                code: 'UPSTREAM',
                message: 'Jira did not answer. Nothing was changed; try again in a moment.',
              },
            }
          : { ok: true, data: portfolioView() };
      },
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
    });
    renderGadget();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Jira did not answer.');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('region', { name: 'Key figures' })).toBeInTheDocument();
  });

  it("shows Jira's message and sends the user to edit mode when the saved JQL is rejected", async () => {
    gadgetContext({ configuration: { scope: { kind: 'jql', jql: 'projct = PAY' } } });
    answerInvoke({
      'gadget/live-page': () => ({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: "Field 'projct' does not exist.",
          fields: [{ path: 'jql', message: "Field 'projct' does not exist." }],
        },
      }),
    });
    renderGadget();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Jira rejected this gadget’s JQL filter');
    expect(alert).toHaveTextContent("Field 'projct' does not exist.");
    expect(alert).toHaveTextContent('Edit the gadget to correct its JQL filter.');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('lists the epics left out because their record cannot be read', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({
        ok: true,
        data: portfolioView({ unreadable: [{ key: 'PAY-9', reason: 'its value record is not valid JSON' }] }),
      }),
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
    });
    renderGadget();

    expect(await screen.findByText('PAY-9: its value record is not valid JSON')).toBeInTheDocument();
    expect(screen.getByText(/1 epic is left out of these figures/)).toBeInTheDocument();
  });

  it('sorts the breakdown table and switches it between programmes and projects', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
    });
    const user = userEvent.setup();
    renderGadget();

    const section = await screen.findByRole('region', { name: 'Value by programme' });
    const names = () =>
      within(section)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent);
    expect(names()).toEqual(['PRG-1', 'No programme']);

    await user.click(within(section).getByRole('button', { name: 'ROI to date' }));
    expect(within(section).getByRole('columnheader', { name: 'ROI to date' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(names()).toEqual(['PRG-1', 'No programme']);
    await user.click(within(section).getByRole('button', { name: 'ROI to date' }));
    expect(names()).toEqual(['No programme', 'PRG-1']);

    await user.click(within(section).getByRole('button', { name: 'By project' }));
    expect(screen.getByRole('region', { name: 'Value by project' })).toBeInTheDocument();
    expect(names().sort()).toEqual(['OPS', 'PAY']);
  });

  it('keeps archived objectives apart from active ones', async () => {
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
    });
    renderGadget();

    const section = await screen.findByRole('region', { name: 'Objective progress' });
    expect(
      within(section).getByRole('progressbar', { name: /Grow revenue: 68.2% of target realised/ }),
    ).toBeInTheDocument();
    expect(
      within(section).getByRole('progressbar', {
        name: 'Cut churn: — of attributed plan realised',
      }),
    ).toBeInTheDocument();
    expect(within(section).getByText('Archived objectives (1)')).toBeInTheDocument();
  });

  it('drills into a programme: lists its epics with their KPIs, opens an issue, and goes back', async () => {
    gadgetContext();
    const calls = answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': (payload) =>
        payload['filter'] && (payload['filter'] as { by: string }).by === 'programme'
          ? {
              ok: true,
              data: {
                asOf: '2026-03',
                currency: 'EUR',
                epics: [
                  epicRow(),
                  epicRow({
                    key: 'PAY-2',
                    summary: 'Wallets',
                    status: 'in_progress',
                    successProbability: 0.5,
                  }),
                ],
                jql: 'parent = "PRG-1" AND issuetype in (10001)',
              },
            }
          : { ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } },
    });
    fakeBridge.on('navigate', () => undefined);
    const user = userEvent.setup();
    renderGadget();

    await user.click(await screen.findByRole('button', { name: 'PRG-1' }));

    const heading = await screen.findByRole('heading', { name: /Epics of programme PRG-1 \(2\)/ });
    expect(heading).toHaveFocus();
    expect(calls.at(-1)).toEqual({
      functionKey: 'gadget/list-epics',
      payload: { scope: { kind: 'all' }, asOf: '2026-03', filter: { by: 'programme', key: 'PRG-1' } },
    });
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('PAY-1');
    expect(rows[0]).toHaveTextContent('Done');
    expect(rows[0]).toHaveTextContent('€1,500.00');
    // The total row adds the epics up to the programme's row of the breakdown.
    expect(within(table).getByRole('rowheader', { name: 'Total' }).closest('tr')).toHaveTextContent(
      '€3,000.00',
    );

    await user.click(within(table).getByRole('button', { name: 'Summary' }));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('PAY-1');
    await user.click(within(table).getByRole('button', { name: 'Summary' }));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('PAY-2');

    await user.click(within(table).getByRole('link', { name: /PAY-2/ }));
    expect(fakeBridge.calls.find((c) => c.method === 'navigate')?.payload).toEqual({
      target: 'issue',
      issueKey: 'PAY-2',
      type: 'new-tab',
    });

    await user.click(screen.getByRole('button', { name: 'Back to overview' }));
    expect(screen.getByRole('region', { name: 'Key figures' })).toBeVisible();
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'PRG-1' })).toHaveFocus();
    });
  });

  it('exports the scope as CSV read in parts through one Blob download and says what it saved', async () => {
    gadgetContext();
    const calls = answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
      'gadget/export-page': (payload) => ({
        ok: true,
        data:
          payload.cursor === undefined
            ? {
                part: 'key,summary\r\nPAY-1,Card payments\r\n',
                nextCursor: 'v1.1.abc.100',
                epics: 1,
                warnings: ['PAY-9 was left out: its value record is not valid JSON'],
                filename: 'value-layer-epics-2026-03.csv',
                mimeType: 'text/csv',
              }
            : {
                part: 'PAY-2,Wallets\r\n',
                nextCursor: null,
                epics: 1,
                warnings: [],
                filename: 'value-layer-epics-2026-03.csv',
                mimeType: 'text/csv',
              },
      }),
    });
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const user = userEvent.setup();
    renderGadget();

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByText(/Downloaded value-layer-epics-2026-03.csv/)).toBeInTheDocument();
    expect(screen.getByText('PAY-9 was left out: its value record is not valid JSON')).toBeInTheDocument();
    expect(calls.filter((call) => call.functionKey === 'gadget/export-page')).toEqual([
      {
        functionKey: 'gadget/export-page',
        payload: { scope: { kind: 'all' }, asOf: '2026-03', format: 'csv' },
      },
      {
        functionKey: 'gadget/export-page',
        payload: { scope: { kind: 'all' }, asOf: '2026-03', format: 'csv', cursor: 'v1.1.abc.100' },
      },
    ]);
    expect(clicked).toEqual(['value-layer-epics-2026-03.csv']);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await textOf(blobs[0])).toBe('key,summary\r\nPAY-1,Card payments\r\nPAY-2,Wallets\r\n');
  });

  it('asks for a narrower scope instead of drawing one bubble for each of thousands of epics', async () => {
    gadgetContext({ configuration: { scope: { kind: 'all' } } });
    const view = portfolioView();
    const calls = answerInvoke({
      'gadget/get-portfolio': () => ({
        ok: true,
        data: { ...view, portfolio: { ...view.portfolio, epics: 50_000 } },
      }),
    });
    renderGadget();

    const chart = await screen.findByRole('region', { name: 'Value vs cost' });
    expect(chart).toHaveTextContent(/too many to draw one bubble each/);
    expect(calls.map((call) => call.functionKey)).not.toContain('gadget/list-epics');
  });

  it('loads again when the dashboard asks its gadgets to refresh', async () => {
    gadgetContext();
    let refresh: (() => void) | undefined;
    fakeBridge.on('on', (payload) => {
      refresh = (payload as { callback: () => void }).callback;
      return { unsubscribe: () => undefined };
    });
    let loads = 0;
    answerInvoke({
      'gadget/get-portfolio': () => {
        loads += 1;
        return { ok: true, data: portfolioView() };
      },
      'gadget/list-epics': () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } }),
    });
    renderGadget();
    await screen.findByRole('region', { name: 'Key figures' });
    const before = loads;

    act(() => {
      refresh?.();
    });

    await waitFor(() => {
      expect(loads).toBe(before + 1);
    });
  });
});
