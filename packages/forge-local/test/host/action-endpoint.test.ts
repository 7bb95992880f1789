/** POST /api/action: a Rovo action run over HTTP, as an agent would call it for a user. */
import { startTestHost, type TestHost } from './test-host';

describe('POST /api/action', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t.host.close();
  });

  it("hands the action, the user, the inputs and the chat's issue to the site, and answers its result", async () => {
    const request = {
      actionKey: 'fixture-echo',
      accountId: 'acc-team',
      inputs: { text: 'hi' },
      issueKey: 'PAY-1',
    };
    const { status, json } = await t.request('POST', '/api/action', request);

    expect(status).toBe(200);
    expect(json).toEqual({ echoed: request });
  });

  it('answers 500 with the error type and message when the action throws', async () => {
    const { status, json } = await t.request('POST', '/api/action', {
      actionKey: 'fail',
      accountId: 'acc-team',
    });

    expect(status).toBe(500);
    expect(json).toEqual({ errorType: 'TypeError', errorMessage: 'Something broke' });
  });

  it('answers 400 naming the field when an input is not a primitive', async () => {
    const { status, json } = await t.request('POST', '/api/action', {
      actionKey: 'fixture-echo',
      accountId: 'acc-team',
      inputs: { text: { nested: true } },
    });

    expect(status).toBe(400);
    expect((json as { errorMessage: string }).errorMessage).toMatch(/^Invalid action request:.*inputs/s);
  });

  it('answers 400 for a user the site does not know', async () => {
    const { status, json } = await t.request('POST', '/api/action', {
      actionKey: 'fixture-echo',
      accountId: 'nobody',
    });

    expect(status).toBe(400);
    expect((json as { errorMessage: string }).errorMessage).toContain('Unknown accountId "nobody"');
  });
});
