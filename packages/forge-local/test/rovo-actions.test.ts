/**
 * Rovo actions on the runtime, with the fixture app (test/fixtures/forge-app): an agent's action is
 * called with the payload Forge documents for actions
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/rovo-action/), as the
 * user chatting with the agent, and its inputs are checked as Rovo fills them.
 */
import { resolve } from 'node:path';
import { BASIC_ACCOUNT_IDS, basicSeed, InvokeError, openLocalSite, type LocalSiteRuntime } from '../src';

const APP = resolve(__dirname, 'fixtures/forge-app');
const MEMBER = BASIC_ACCOUNT_IDS.member;

describe('Rovo actions on the local runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openLocalSite({ appRoot: APP, dataDir: null, seed: basicSeed(), log: () => undefined });
  });

  afterAll(async () => {
    await site.close();
  });

  it('passes the inputs and the context Forge documents, and runs as the user chatting', async () => {
    const answer = await site.invokeAction({
      actionKey: 'fixture-echo',
      accountId: MEMBER,
      inputs: { text: 'hello', count: 3 },
    });

    expect(answer).toEqual({
      payload: { text: 'hello', count: 3, context: { cloudId: site.cloudId, moduleKey: 'fixture-echo' } },
      principal: { accountId: MEMBER },
      installContext: expect.stringMatching(/^ari:cloud:jira::site\//) as unknown,
      myself: MEMBER,
    });
  });

  it("describes the issue the chat is opened on as the context's jira", async () => {
    const answer = (await site.invokeAction({
      actionKey: 'fixture-echo',
      accountId: MEMBER,
      inputs: { text: 'on an issue' },
      issueKey: 'demo-1',
    })) as { payload: { context: { jira: Record<string, unknown> } } };

    expect(answer.payload.context.jira).toEqual({
      url: `${site.siteUrl}/browse/DEMO-1`,
      resourceType: 'issue',
      issueKey: 'DEMO-1',
      issueId: expect.any(Number) as unknown,
      issueType: 'Epic',
      issueTypeId: expect.any(Number) as unknown,
      projectKey: 'DEMO',
      projectId: expect.any(Number) as unknown,
    });
  });

  it.each([
    ['a required input missing', { count: 1 }, /requires the input 'text'/],
    ['an undeclared input', { text: 'x', colour: 'red' }, /declares no input 'colour'/],
    ['a string for an integer', { text: 'x', count: '2' }, /is a integer/],
    ['a fraction for an integer', { text: 'x', count: 2.5 }, /is a integer/],
  ])('refuses %s, as Rovo would never send it', async (_what, inputs, message) => {
    const call = site.invokeAction({ actionKey: 'fixture-echo', accountId: MEMBER, inputs });

    await expect(call).rejects.toThrow(InvokeError);
    await expect(call).rejects.toThrow(message);
  });

  it('refuses an unknown action and an unknown user', async () => {
    await expect(site.invokeAction({ actionKey: 'nope', accountId: MEMBER })).rejects.toThrow(
      /no action 'nope'/,
    );
    await expect(
      site.invokeAction({ actionKey: 'fixture-echo', accountId: 'nobody', inputs: { text: 'x' } }),
    ).rejects.toThrow(/No user/);
  });

  it('records the invocation as an action', () => {
    expect(
      site
        .invocations()
        .filter((record) => record.kind === 'action')
        .at(-1),
    ).toMatchObject({
      moduleKey: 'fixture-echo',
      functionKey: 'echo-action',
      accountId: MEMBER,
      outcome: 'ok',
    });
  });
});
