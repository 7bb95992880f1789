import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScenarioView } from '../../../src/contract/planning.contract';
import { BudgetCutPanel } from '../../../static/src/features/planning/budget-cut-panel';
import { answerInvoke } from '../gadget/portfolio-fixtures';
import { aPlanningJob, JOB_ID } from './planning-job-fixture';

const view: ScenarioView = {
  status: 'planned',
  asOf: '2026-03',
  currency: 'EUR',
  epics: 1,
  currentNpv: 470.54,
  exact: {
    decisions: [
      {
        key: 'PAY-3',
        summary: 'Epic PAY-3',
        project: 'PAY',
        choice: 'stop',
        npvRetained: 0,
        remainingNpv: 470.54,
        yearSpend: 0,
        why: { kind: 'ratio', text: 'Loses 0.24 of NPV per 1 of cash freed.' },
        revision: 1,
      },
    ],
    npvRetained: 0,
    periods: [],
    cashFreed: 2000,
    proven: true,
  },
  greedy: null,
  greedyGap: null,
  valueLostByObjective: [],
  warnings: [],
};

function renderPanel(answers: Record<string, (payload: Record<string, unknown>) => unknown>) {
  const calls = answerInvoke(answers);
  render(
    <BudgetCutPanel
      scope={{ kind: 'all' }}
      currency="EUR"
      pins={new Map()}
      objectives={() => Promise.resolve([])}
    />,
  );
  return calls;
}

const runTheCut = async () => {
  const user = userEvent.setup();
  await user.clear(screen.getByRole('textbox', { name: /Cut \(%\)/ }));
  await user.type(screen.getByRole('textbox', { name: /Cut \(%\)/ }), '20');
  await user.click(screen.getByRole('button', { name: 'Run the cut' }));
  return user;
};

describe('a budget cut run as a job', () => {
  it('shows the job’s progress, polls it, and shows the plan once done', async () => {
    const polls = [
      aPlanningJob({
        phase: 'linking',
        progress: { done: 500, total: 2000, label: 'Reading dependencies: 500 of 2,000 epics' },
      }),
      aPlanningJob({
        state: 'done',
        phase: 'finished',
        progress: { done: 2000, total: 2000, label: 'Done' },
        result: view,
      }),
    ];
    const calls = renderPanel({
      'planning/get-job': (payload) => ({
        ok: true,
        data: payload.jobId === undefined ? null : polls.shift(),
      }),
      'planning/start-scenario': () => ({ ok: true, data: { kind: 'job', job: aPlanningJob() } }),
    });

    await runTheCut();

    expect(await screen.findByRole('progressbar', { name: 'Reading epics: 1,000 read' })).not.toHaveAttribute(
      'aria-valuenow',
    );
    const linking = await screen.findByRole(
      'progressbar',
      { name: /Reading dependencies/ },
      { timeout: 4000 },
    );
    expect(linking).toHaveAttribute('aria-valuenow', '500');
    expect(linking).toHaveAttribute('aria-valuemax', '2000');
    expect(await screen.findByRole('table', { name: /Decisions per epic/ }, { timeout: 4000 })).toBeVisible();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(
      calls.filter((call) => call.functionKey === 'planning/get-job').map((call) => call.payload),
    ).toEqual([{}, { jobId: JOB_ID }, { jobId: JOB_ID }]);
  }, 15_000);

  it('cancels the job on request and says nothing was planned', async () => {
    let cancelled = false;
    const calls = renderPanel({
      'planning/get-job': (payload) => ({
        ok: true,
        data:
          payload.jobId === undefined
            ? null
            : aPlanningJob(
                cancelled
                  ? { state: 'cancelled', progress: { done: 1000, total: null, label: 'Cancelled' } }
                  : {},
              ),
      }),
      'planning/start-scenario': () => ({ ok: true, data: { kind: 'job', job: aPlanningJob() } }),
      'planning/cancel-job': () => {
        cancelled = true;
        return { ok: true, data: aPlanningJob() };
      },
    });
    const user = await runTheCut();

    await user.click(await screen.findByRole('button', { name: 'Cancel the cut' }));

    expect(await screen.findByText('The cut was cancelled', {}, { timeout: 4000 })).toBeVisible();
    expect(calls.find((call) => call.functionKey === 'planning/cancel-job')?.payload).toEqual({
      jobId: JOB_ID,
    });
  }, 15_000);

  it('says why a job stopped, in the server’s words', async () => {
    renderPanel({
      'planning/get-job': (payload) => ({
        ok: true,
        data:
          payload.jobId === undefined
            ? null
            : aPlanningJob({
                state: 'failed',
                error: {
                  code: 'TOO_LARGE',
                  message: 'This scope has more than 5,000 epics, too many for one scenario.',
                },
              }),
      }),
      'planning/start-scenario': () => ({ ok: true, data: { kind: 'job', job: aPlanningJob() } }),
    });

    await runTheCut();

    expect(
      await screen.findByText(
        'This scope has more than 5,000 epics, too many for one scenario.',
        {},
        { timeout: 4000 },
      ),
    ).toBeVisible();
  }, 15_000);

  it('finds the user’s running job again when the page is opened anew', async () => {
    renderPanel({ 'planning/get-job': () => ({ ok: true, data: aPlanningJob() }) });

    expect(await screen.findByRole('progressbar', { name: 'Reading epics: 1,000 read' })).toBeVisible();
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Cancel the cut' })).toBeEnabled();
    });
  });

  it('does not bring back an old finished job', async () => {
    renderPanel({
      'planning/get-job': () => ({
        ok: true,
        data: aPlanningJob({ state: 'done', updatedAt: '2026-01-01T00:00:00.000Z', result: view }),
      }),
    });

    await screen.findByRole('button', { name: 'Run the cut' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('table', { name: /Decisions per epic/ })).toBeNull();
  });

  it('finds the user’s running application again when the page is opened anew', async () => {
    renderPanel({
      'planning/get-job': () => ({
        ok: true,
        data: aPlanningJob({
          kind: 'apply',
          phase: 'writing',
          progress: { done: 100, total: 400, label: 'Writing decisions: 100 of 400' },
        }),
      }),
    });

    expect(await screen.findByRole('progressbar', { name: 'Writing decisions: 100 of 400' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Cancel and put back' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Cancel the cut' })).toBeNull();
  });
});
