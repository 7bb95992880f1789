import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScenarioDecision } from '../../../src/contract/planning.contract';
import { ApplyDecisions } from '../../../static/src/features/planning/apply-dialog';
import type { PlannedScenario } from '../../../static/src/features/planning/scenario-decisions';
import { answerInvoke } from '../gadget/portfolio-fixtures';
import { aPlanningJob, JOB_ID, type JobOverrides } from './planning-job-fixture';

const decision = (
  key: string,
  choice: ScenarioDecision['choice'],
  delayMonths?: number,
): ScenarioDecision => ({
  key,
  summary: `Epic ${key}`,
  project: 'PAY',
  choice,
  ...(delayMonths === undefined ? {} : { delayMonths }),
  npvRetained: 0,
  remainingNpv: 0,
  yearSpend: 0,
  why: { kind: 'ratio', text: 'Cheapest.' },
  revision: 2,
});

const view: PlannedScenario = {
  status: 'planned',
  asOf: '2026-03',
  currency: 'EUR',
  epics: 3,
  currentNpv: 0,
  exact: {
    decisions: [decision('PAY-1', 'continue'), decision('PAY-2', 'delay', 6), decision('PAY-3', 'stop')],
    npvRetained: 0,
    periods: [],
    cashFreed: 0,
    proven: true,
  },
  greedy: null,
  greedyGap: null,
  valueLostByObjective: [],
  warnings: [],
};

const applied = {
  scenario: 'Cut 20% from 2026-03',
  appliedAt: '2026-03-20T12:00:00.000Z',
  appliedBy: 'user-1',
  epics: [
    { issueKey: 'PAY-1', choice: 'continue', revision: 3 },
    { issueKey: 'PAY-2', choice: 'delay_6', revision: 3 },
    { issueKey: 'PAY-3', choice: 'stop', revision: 3 },
  ],
  counts: { continue: 1, delay_6: 1, stop: 1 },
};

const anApplyJob = (overrides: JobOverrides = {}) =>
  aPlanningJob({
    kind: 'apply',
    phase: 'checking',
    progress: { done: 0, total: 3, label: 'Checking epics: 0 of 3' },
    ...overrides,
  });

function renderDialog(
  apply: (payload: Record<string, unknown>) => unknown,
  more: Record<string, (payload: Record<string, unknown>) => unknown> = {},
) {
  const calls = answerInvoke({ 'planning/start-apply': apply, ...more });
  const onRerun = jest.fn();
  render(<ApplyDecisions view={view} defaultName="Cut 20% from 2026-03" onRerun={onRerun} />);
  return { calls, onRerun };
}

describe('ApplyDecisions', () => {
  it('says what will be recorded, applies on confirm and says how many epics were recorded', async () => {
    const user = userEvent.setup();
    const { calls } = renderDialog(() => ({ ok: true, data: { kind: 'result', applied } }));
    const opener = screen.getByRole('button', { name: 'Apply decisions' });

    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Apply decisions to 3 epics?' });
    expect(within(dialog).getByRole('list', { name: 'Decisions to record' })).toHaveTextContent(
      'Continue: 1 epicDelay 6 months: 1 epicStop: 1 epic',
    );
    expect(dialog).toHaveTextContent('Issues are never transitioned');
    await user.click(within(dialog).getByRole('button', { name: 'Apply decisions' }));

    expect(calls.map((call) => call.payload)).toEqual([
      {
        scenario: 'Cut 20% from 2026-03',
        decisions: [
          { issueKey: 'PAY-1', choice: 'continue', baseRevision: 2 },
          { issueKey: 'PAY-2', choice: 'delay_6', baseRevision: 2 },
          { issueKey: 'PAY-3', choice: 'stop', baseRevision: 2 },
        ],
      },
    ]);
    expect(
      await screen.findByText(
        'Recorded the decision on 3 epics: Continue 1, Delay 6 months 1, Stop 1. No issue was transitioned.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('names the epics changed since the scenario ran and offers to run it again', async () => {
    const user = userEvent.setup();
    const { onRerun } = renderDialog(() => ({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'PAY-2 changed since the scenario was computed. Nothing was applied.',
        details: { changed: ['PAY-2'] },
      },
    }));

    await user.click(screen.getByRole('button', { name: 'Apply decisions' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply decisions' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was applied');
    expect(alert).toHaveTextContent('Changed since the scenario ran: PAY-2');
    await user.click(screen.getByRole('button', { name: 'Run the scenario again' }));
    expect(onRerun).toHaveBeenCalledTimes(1);
  });

  it('refuses an empty name next to its field without calling the server', async () => {
    const user = userEvent.setup();
    const { calls } = renderDialog(() => ({ ok: true, data: {} }));

    await user.click(screen.getByRole('button', { name: 'Apply decisions' }));
    await user.clear(screen.getByRole('textbox', { name: /Scenario name/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply decisions' }));

    expect(screen.getByRole('textbox', { name: /Scenario name/ })).toHaveAccessibleDescription(/is required/);
    expect(calls).toEqual([]);
  });

  it('follows an application the server runs as a job and says what it recorded once done', async () => {
    const user = userEvent.setup();
    const polls = [
      anApplyJob({ phase: 'writing', progress: { done: 2, total: 3, label: 'Writing decisions: 2 of 3' } }),
      anApplyJob({
        state: 'done',
        phase: 'finished',
        progress: { done: 3, total: 3, label: 'Done' },
        result: applied,
      }),
    ];
    const { calls } = renderDialog(() => ({ ok: true, data: { kind: 'job', job: anApplyJob() } }), {
      'planning/get-job': () => ({ ok: true, data: polls.shift() }),
    });

    await user.click(screen.getByRole('button', { name: 'Apply decisions' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply decisions' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    const opener = screen.getByRole('button', { name: 'Apply decisions' });
    await waitFor(() => {
      expect(opener).toHaveFocus();
    });
    expect(opener).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('group', { name: 'Applying decisions' })).toHaveTextContent('all or nothing');
    expect(screen.getByRole('progressbar', { name: 'Checking epics: 0 of 3' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    const writing = await screen.findByRole('progressbar', { name: /Writing decisions/ }, { timeout: 4000 });
    expect(writing).toHaveAttribute('aria-valuenow', '2');
    expect(
      await screen.findByText(
        'Recorded the decision on 3 epics: Continue 1, Delay 6 months 1, Stop 1. No issue was transitioned.',
        {},
        { timeout: 4000 },
      ),
    ).toBeVisible();
    expect(screen.queryByRole('progressbar')).toBeNull();
    await waitFor(() => {
      expect(opener).not.toHaveAttribute('aria-disabled');
    });
    expect(
      calls.filter((call) => call.functionKey === 'planning/get-job').map((call) => call.payload),
    ).toEqual([{ jobId: JOB_ID }, { jobId: JOB_ID }]);
  }, 15_000);

  it('cancels a running application on request and says nothing was applied', async () => {
    const user = userEvent.setup();
    const cancelled = anApplyJob({
      state: 'cancelled',
      progress: { done: 1, total: 1, label: 'Done' },
      error: {
        code: 'CONFLICT',
        message:
          'You cancelled applying “Cut 20% from 2026-03”. Nothing was applied; every epic is as it was.',
      },
    });
    const { calls } = renderDialog(() => ({ ok: true, data: { kind: 'job', job: anApplyJob() } }), {
      'planning/get-job': () => ({ ok: true, data: anApplyJob() }),
      'planning/cancel-job': () => ({ ok: true, data: cancelled }),
    });

    await user.click(screen.getByRole('button', { name: 'Apply decisions' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply decisions' }));
    await user.click(screen.getByRole('button', { name: 'Cancel and put back' }));

    expect(await screen.findByText('Applying was cancelled')).toBeVisible();
    expect(screen.getByText(/Nothing was applied; every epic is as it was\./)).toBeVisible();
    expect(calls.find((call) => call.functionKey === 'planning/cancel-job')?.payload).toEqual({
      jobId: JOB_ID,
    });
  });

  it('says why an application job failed and offers to run the scenario again after a conflict', async () => {
    const user = userEvent.setup();
    const failed = anApplyJob({
      state: 'failed',
      error: {
        code: 'CONFLICT',
        message:
          'Scenario “Cut 20% from 2026-03” could not be applied to PAY-2: it changed since the scenario was computed. Nothing was applied; every epic is as it was.',
      },
    });
    const { onRerun } = renderDialog(() => ({ ok: true, data: { kind: 'job', job: anApplyJob() } }), {
      'planning/get-job': () => ({ ok: true, data: failed }),
    });

    await user.click(screen.getByRole('button', { name: 'Apply decisions' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply decisions' }));

    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent('Nothing was applied');
    expect(alert).toHaveTextContent('could not be applied to PAY-2');
    await user.click(within(alert).getByRole('button', { name: 'Run the scenario again' }));
    expect(onRerun).toHaveBeenCalledTimes(1);
  }, 15_000);
});
