import { PLANNING } from '../../../src/contract/resolver-keys';
import { startApply } from '../../../static/src/features/planning/planning-job-api';
import { answerInvoke } from '../gadget/portfolio-fixtures';

describe('startApply (planning API client)', () => {
  it('sends the scenario and its decisions to planning/start-apply and returns the answer', async () => {
    const applied = {
      scenario: 'Budget cut 2027',
      appliedAt: '2026-12-06T04:00:00.000Z',
      appliedBy: 'user-1',
      epics: [{ issueKey: 'PAY-1', choice: 'stop', revision: 3 }],
      counts: { stop: 1 },
    };
    const calls = answerInvoke({
      [PLANNING.startApply]: () => ({ ok: true, data: { kind: 'result', applied } }),
    });
    const request = {
      scenario: 'Budget cut 2027',
      decisions: [{ issueKey: 'PAY-1', choice: 'stop' as const, baseRevision: 2 }],
    };

    const answer = await startApply(request);

    expect(calls).toEqual([{ functionKey: 'planning/start-apply', payload: request }]);
    expect(answer).toEqual({ ok: true, data: { kind: 'result', applied } });
  });
});
