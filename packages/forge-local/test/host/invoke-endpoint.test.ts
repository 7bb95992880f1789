/** POST /api/invoke: what the bridge's invoke() gets, over HTTP (forge-platform.md §2.1, §4). */
import { startTestHost, type TestHost } from './test-host';

const valid = {
  moduleKey: 'value-panel',
  functionKey: 'test/echo',
  payload: { epicKey: 'PAY-1' },
  accountId: 'acc-team',
  extension: { type: 'jira:issuePanel', issue: { key: 'PAY-1' } },
};

describe('POST /api/invoke', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t.host.close();
  });

  it('returns the resolver result as JSON when the request is valid', async () => {
    const { status, json } = await t.request('POST', '/api/invoke', valid);
    expect(status).toBe(200);
    expect(json).toEqual({ payload: { epicKey: 'PAY-1' }, extension: valid.extension });
  });

  it('hands module, function, payload, user and extension to the site unchanged', async () => {
    await t.request('POST', '/api/invoke', valid);
    expect(t.site.invocations.at(-1)).toEqual(valid);
  });

  it('answers 204 with no body when the resolver returns undefined', async () => {
    const { status, text } = await t.request('POST', '/api/invoke', {
      ...valid,
      functionKey: 'test/nothing',
    });
    expect(status).toBe(204);
    expect(text).toBe('');
  });

  it('answers 500 with the error type and message when the resolver throws', async () => {
    const { status, json } = await t.request('POST', '/api/invoke', { ...valid, functionKey: 'test/fail' });
    expect(status).toBe(500);
    expect(json).toEqual({ errorType: 'TypeError', errorMessage: 'Something broke' });
  });

  it("answers 500 with @forge/resolver's message when the function key is not defined", async () => {
    const { status, json } = await t.request('POST', '/api/invoke', { ...valid, functionKey: 'panel/nope' });
    expect(status).toBe(500);
    expect(json).toMatchObject({ errorMessage: "Resolver has no definition for 'panel/nope'." });
  });

  it('answers 400 naming each missing field when required fields are missing', async () => {
    const { status, json } = await t.request('POST', '/api/invoke', { moduleKey: 'value-panel' });
    expect(status).toBe(400);
    expect(json).toMatchObject({ errorType: 'BAD_REQUEST' });
    const { errorMessage } = json as { errorMessage: string };
    expect(errorMessage).toMatch(/^Invalid invoke request:/);
    expect(errorMessage).toContain('functionKey');
    expect(errorMessage).toContain('accountId');
  });

  it('answers 400 when the body has a property the contract does not know', async () => {
    const { status, json } = await t.request('POST', '/api/invoke', { ...valid, functionkey: 'typo' });
    expect(status).toBe(400);
    expect((json as { errorMessage: string }).errorMessage).toContain('functionkey');
  });

  it('answers 400 when the extension is not an object', async () => {
    const { status } = await t.request('POST', '/api/invoke', { ...valid, extension: 'PAY-1' });
    expect(status).toBe(400);
  });

  it('answers 400 when the body is not JSON', async () => {
    const { status, json } = await t.request('POST', '/api/invoke', '{not json');
    expect(status).toBe(400);
    expect(json).toEqual({
      errorType: 'BAD_REQUEST',
      errorMessage: 'Invalid invoke request: Request body is not valid JSON.',
    });
  });

  it("answers 400 listing the site's users when the accountId is unknown", async () => {
    const { status, json } = await t.request('POST', '/api/invoke', { ...valid, accountId: 'acc-nobody' });
    expect(status).toBe(400);
    expect((json as { errorMessage: string }).errorMessage).toContain('acc-admin (Ada Admin)');
  });

  it('does not call the resolver when the request is invalid', async () => {
    const before = t.site.invocations.length;
    await t.request('POST', '/api/invoke', { ...valid, functionKey: '' });
    expect(t.site.invocations.length).toBe(before);
  });

  it('answers 405 naming the allowed method when called with GET', async () => {
    const { status, json } = await t.request('GET', '/api/invoke');
    expect(status).toBe(405);
    expect((json as { errorMessage: string }).errorMessage).toContain('use POST');
  });
});
