import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_CONFIG, type GadgetConfig } from '../../../static/src/features/gadget/config/gadget-config';
import { PortfolioGadget } from '../../../static/src/features/gadget/view/portfolio-gadget';
import { answerInvoke, portfolioView } from './portfolio-fixtures';

const march = new Date(2026, 2, 15);
const jqlConfig: GadgetConfig = { ...DEFAULT_CONFIG, scope: { kind: 'jql', jql: 'labels = growth' } };

function renderGadget(
  config: GadgetConfig = jqlConfig,
  countEpics: (jql: string) => Promise<number | null> = () => Promise.resolve(null),
) {
  return render(
    <PortfolioGadget
      config={config}
      ignored={[]}
      siteUrl="https://example.atlassian.net"
      refreshCount={0}
      now={march}
      countEpics={countEpics}
    />,
  );
}

/** A deferred answer, so a test can look at the screen between pages. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const listEpics = () => ({ ok: true, data: { asOf: '2026-03', currency: 'EUR', epics: [] } });

describe('PortfolioGadget with a live scope', () => {
  it('pages through gadget/live-page, passing each cursor back, and shows the last page’s view', async () => {
    const pages = [
      { processed: 200, nextCursor: 'run-1' },
      { processed: 400, nextCursor: 'run-1' },
      { processed: 450, nextCursor: null, view: portfolioView() },
    ];
    const calls = answerInvoke({
      'gadget/live-page': () => ({ ok: true, data: pages.shift() }),
      'gadget/list-epics': listEpics,
    });
    renderGadget();

    expect(await screen.findByRole('region', { name: 'Key figures' })).toBeInTheDocument();
    const live = calls.filter((call) => call.functionKey === 'gadget/live-page').map((call) => call.payload);
    const scope = { kind: 'jql', jql: 'labels = growth' };
    expect(live).toEqual([
      { scope, asOf: '2026-03' },
      { scope, asOf: '2026-03', cursor: 'run-1' },
      { scope, asOf: '2026-03', cursor: 'run-1' },
    ]);
    expect(calls.some((call) => call.functionKey === 'gadget/get-portfolio')).toBe(false);
  });

  it('announces the epics read against Jira’s approximate total on a progressbar', async () => {
    const second = deferred<unknown>();
    let page = 0;
    answerInvoke({
      'gadget/live-page': () => {
        page += 1;
        return page === 1 ? { ok: true, data: { processed: 200, nextCursor: 'run-1' } } : second.promise;
      },
      'gadget/list-epics': listEpics,
    });
    const counted: string[] = [];
    renderGadget(jqlConfig, (jql) => {
      counted.push(jql);
      return Promise.resolve(480);
    });

    const bar = await screen.findByRole('progressbar', { name: /Running your JQL in Jira/ });
    await waitFor(() => {
      expect(bar).toHaveAttribute('aria-valuenow', '200');
    });
    expect(bar).toHaveAttribute('aria-valuemax', '480');
    expect(bar).toHaveAttribute('aria-valuetext', '200 epics read of about 480');
    expect(screen.getByRole('status')).toHaveTextContent('200 epics read of about 480');
    expect(counted).toEqual(['labels = growth']);

    second.resolve({ ok: true, data: { processed: 480, nextCursor: null, view: portfolioView() } });
    expect(await screen.findByRole('region', { name: 'Key figures' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: /Running your JQL/ })).not.toBeInTheDocument();
  });

  it('shows an indeterminate bar with the running count when there is no total', async () => {
    const second = deferred<unknown>();
    let page = 0;
    answerInvoke({
      'gadget/live-page': () => {
        page += 1;
        return page === 1 ? { ok: true, data: { processed: 150, nextCursor: 'run-1' } } : second.promise;
      },
    });
    renderGadget({ ...DEFAULT_CONFIG, scope: { kind: 'objectives', objectives: ['OBJ-1'] } });

    const bar = await screen.findByRole('progressbar', { name: /Reading the epics in scope/ });
    await waitFor(() => {
      expect(bar).toHaveAttribute('aria-valuetext', '150 epics read');
    });
    expect(bar).not.toHaveAttribute('aria-valuenow');
  });

  it('retries a failed page from the same cursor, keeping the epics already read', async () => {
    const user = userEvent.setup();
    const answers: unknown[] = [
      { ok: true, data: { processed: 200, nextCursor: 'run-1' } },
      { ok: false, error: { code: 'UPSTREAM', message: 'Jira did not answer in time.' } },
      { ok: true, data: { processed: 400, nextCursor: 'run-1' } },
      { ok: true, data: { processed: 420, nextCursor: null, view: portfolioView() } },
    ];
    const calls = answerInvoke({
      'gadget/live-page': () => answers.shift(),
      'gadget/list-epics': listEpics,
    });
    renderGadget();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Jira did not answer in time.');
    expect(alert).toHaveTextContent('Stopped after 200 epics read. Retry goes on from there');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('region', { name: 'Key figures' })).toBeInTheDocument();
    const cursors = calls
      .filter((call) => call.functionKey === 'gadget/live-page')
      .map((call) => call.payload['cursor']);
    expect(cursors).toEqual([undefined, 'run-1', 'run-1', 'run-1']);
  });

  it('starts again from the first page when the server has forgotten the computation', async () => {
    const user = userEvent.setup();
    const answers: unknown[] = [
      { ok: true, data: { processed: 200, nextCursor: 'run-1' } },
      {
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: 'This computation has expired or belongs to another scope. Start it again.',
        },
      },
      { ok: true, data: { processed: 420, nextCursor: null, view: portfolioView() } },
    ];
    const calls = answerInvoke({
      'gadget/live-page': () => answers.shift(),
      'gadget/list-epics': listEpics,
    });
    renderGadget();

    const alert = await screen.findByRole('alert');
    expect(alert).not.toHaveTextContent('Edit the gadget');
    await user.click(within(alert).getByRole('button', { name: 'Start again' }));

    expect(await screen.findByRole('region', { name: 'Key figures' })).toBeInTheDocument();
    expect(
      calls.filter((call) => call.functionKey === 'gadget/live-page').at(-1)?.payload,
    ).not.toHaveProperty('cursor');
  });

  it('stops calling gadget/live-page once it is unmounted', async () => {
    const first = deferred<unknown>();
    const calls = answerInvoke({ 'gadget/live-page': () => first.promise });
    const { unmount } = renderGadget();
    await screen.findByRole('progressbar');

    unmount();
    first.resolve({ ok: true, data: { processed: 200, nextCursor: 'run-1' } });
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(calls).toHaveLength(1);
  });

  it('abandons the old scope’s computation and starts the new one when the scope changes', async () => {
    const first = deferred<unknown>();
    const calls = answerInvoke({
      'gadget/live-page': (payload) =>
        (payload['scope'] as { jql?: string }).jql === 'labels = growth'
          ? first.promise
          : { ok: true, data: { processed: 5, nextCursor: null, view: portfolioView() } },
      'gadget/list-epics': listEpics,
    });
    const { rerender } = renderGadget();
    await screen.findByRole('progressbar');

    rerender(
      <PortfolioGadget
        config={{ ...DEFAULT_CONFIG, scope: { kind: 'jql', jql: 'labels = cost' } }}
        ignored={[]}
        siteUrl="https://example.atlassian.net"
        refreshCount={0}
        now={march}
        countEpics={() => Promise.resolve(null)}
      />,
    );
    expect(await screen.findByRole('region', { name: 'Key figures' })).toBeInTheDocument();
    first.resolve({ ok: true, data: { processed: 200, nextCursor: 'run-1' } });
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(calls.filter((call) => call.payload['cursor'] === 'run-1')).toEqual([]);
    expect(screen.getByRole('region', { name: 'Key figures' })).toBeInTheDocument();
  });

  it('keeps the all and projects scopes on gadget/get-portfolio', async () => {
    const calls = answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/list-epics': listEpics,
    });
    renderGadget({ ...DEFAULT_CONFIG, scope: { kind: 'projects', projects: ['PAY'] } });

    expect(await screen.findByRole('region', { name: 'Key figures' })).toBeInTheDocument();
    expect(calls.map((call) => call.functionKey)).not.toContain('gadget/live-page');
  });
});
