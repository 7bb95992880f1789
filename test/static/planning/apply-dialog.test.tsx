import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScenarioDecision } from '../../../src/contract/planning.contract';
import { ApplyDecisions } from '../../../static/src/features/planning/apply-dialog';
import type { PlannedScenario } from '../../../static/src/features/planning/scenario-decisions';
import { answerInvoke } from '../gadget/portfolio-fixtures';

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

function renderDialog(apply: (payload: Record<string, unknown>) => unknown) {
  const calls = answerInvoke({ 'planning/apply-scenario': apply });
  const onRerun = jest.fn();
  render(<ApplyDecisions view={view} defaultName="Cut 20% from 2026-03" onRerun={onRerun} />);
  return { calls, onRerun };
}

describe('ApplyDecisions', () => {
  it('says what will be recorded, applies on confirm and says how many epics were recorded', async () => {
    const user = userEvent.setup();
    const { calls } = renderDialog(() => ({
      ok: true,
      data: {
        scenario: 'Cut 20% from 2026-03',
        appliedAt: '2026-03-20T12:00:00.000Z',
        appliedBy: 'user-1',
        epics: [
          { issueKey: 'PAY-1', choice: 'continue', revision: 3 },
          { issueKey: 'PAY-2', choice: 'delay_6', revision: 3 },
          { issueKey: 'PAY-3', choice: 'stop', revision: 3 },
        ],
        counts: { continue: 1, delay_6: 1, stop: 1 },
      },
    }));
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
});
