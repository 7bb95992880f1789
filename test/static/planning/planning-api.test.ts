import { PLANNING } from '../../../src/contract/resolver-keys';
import { applyScenario } from '../../../static/src/features/planning/planning-api';
import { answerInvoke } from '../gadget/portfolio-fixtures';

describe('applyScenario (planning API client)', () => {
  it('sends the scenario and its decisions to planning/apply-scenario and returns the answer', async () => {
    const applied = {
      scenario: 'Budget cut 2027',
      appliedAt: '2026-12-06T04:00:00.000Z',
      appliedBy: 'user-1',
      epics: [{ issueKey: 'PAY-1', choice: 'stop', revision: 3 }],
      counts: { stop: 1 },
    };
    const calls = answerInvoke({ [PLANNING.applyScenario]: () => ({ ok: true, data: applied }) });
    const request = {
      scenario: 'Budget cut 2027',
      decisions: [{ issueKey: 'PAY-1', choice: 'stop' as const, baseRevision: 2 }],
    };

    const answer = await applyScenario(request);

    expect(calls).toEqual([{ functionKey: 'planning/apply-scenario', payload: request }]);
    expect(answer).toEqual({ ok: true, data: applied });
  });
});
