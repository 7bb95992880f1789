/**
 * The runtime on its own: the fixture app (test/fixtures/forge-app, a tiny Forge app of its own
 * with the real @forge/api, @forge/kvs, @forge/resolver and @forge/events) on the runtime's
 * `basicSeed`, started and driven end to end only through the package's public API, the way
 * another Forge developer would use it. Nothing here comes from Value Layer.
 */
import { resolve } from 'node:path';
import {
  BASIC_ACCOUNT_IDS,
  basicSeed,
  openLocalSite,
  startHost,
  type LocalSiteRuntime,
  type RunningHost,
} from '../src';

const APP = resolve(__dirname, 'fixtures/forge-app');
const ADMIN = BASIC_ACCOUNT_IDS.admin;
const MEMBER = BASIC_ACCOUNT_IDS.member;

describe('a Forge app that is not Value Layer, on the basic seed', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openLocalSite({ appRoot: APP, dataDir: null, seed: basicSeed(), log: () => undefined });
  });

  afterAll(async () => {
    await site.close();
  });

  it("signs in the seed's users, the Jira admin first", () => {
    expect(site.users.map((u) => [u.accountId, u.role])).toEqual([
      [ADMIN, 'admin'],
      [MEMBER, 'member'],
    ]);
  });

  it("runs a resolver with the caller's account id and the module's context", async () => {
    await expect(
      site.invoke({ moduleKey: 'fixture-panel', functionKey: 'whoami', payload: {}, accountId: MEMBER }),
    ).resolves.toMatchObject({ accountId: MEMBER, moduleKey: 'fixture-panel' });
  });

  it('keeps what the app writes to Forge storage and reads it back in a later invocation', async () => {
    const call = (op: string, args: unknown[]) =>
      site.invoke({
        moduleKey: 'fixture-panel',
        functionKey: 'kvs',
        payload: { op, args },
        accountId: ADMIN,
      });
    await call('set', ['greeting', { text: 'hello' }]);
    await expect(call('get', ['greeting'])).resolves.toEqual({ result: { text: 'hello' } });
    expect(site.storage.get('greeting')).toEqual({ text: 'hello' });
  });

  it("answers the app's Jira calls from the seeded project, as the user", async () => {
    const answer = (await site.invoke({
      moduleKey: 'fixture-panel',
      functionKey: 'jira',
      payload: { as: 'user', path: '/rest/api/3/issue/DEMO-2?fields=summary,parent,status' },
      accountId: MEMBER,
    })) as { status: number; body: { fields: { summary: string; parent: { key: string } } } };
    expect(answer.status).toBe(200);
    expect(answer.body.fields.summary).toBe('Pay with a saved card');
    expect(answer.body.fields.parent.key).toBe('DEMO-1');
  });

  it('delivers a Jira product event to the trigger subscribed to it', async () => {
    site.jiraUi.editIssue(MEMBER, 'DEMO-4', { summary: 'Receipt shows the right currency' });
    await site.deliverPendingEvents();
    const log = site.storage.get('trigger-log') as { eventType: string; key: string; atlassianId: string }[];
    expect(log).toContainEqual(
      expect.objectContaining({ eventType: 'avi:jira:updated:issue', key: 'DEMO-4', atlassianId: MEMBER }),
    );
  });
});

describe('the host serving a Forge app that is not Value Layer', () => {
  let site: LocalSiteRuntime;
  let host: RunningHost;

  beforeAll(async () => {
    site = await openLocalSite({ appRoot: APP, dataDir: null, seed: basicSeed(), log: () => undefined });
    host = await startHost({ site, rootDir: APP, port: 0, dataDir: null });
  });

  afterAll(async () => {
    await host.close();
    await site.close();
  });

  it("lists the app's UI modules and the seed's users", async () => {
    const info = (await (await fetch(`${host.url}/api/site`)).json()) as {
      users: { accountId: string }[];
      modules: { key: string }[];
    };
    expect(info.users.map((u) => u.accountId)).toEqual([ADMIN, MEMBER]);
    expect(info.modules.map((m) => m.key).sort()).toEqual([
      'fixture-admin',
      'fixture-gadget',
      'fixture-page',
      'fixture-panel',
    ]);
  });

  it("invokes the global page's resolver over HTTP with the module's own type in its context", async () => {
    const response = await fetch(`${host.url}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ moduleKey: 'fixture-page', functionKey: 'whoami', accountId: MEMBER }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      accountId: MEMBER,
      moduleKey: 'fixture-page',
      extension: { type: 'jira:globalPage' },
    });
  });

  it("invokes the app's resolver over HTTP, as the front end's invoke() does", async () => {
    const response = await fetch(`${host.url}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ moduleKey: 'fixture-panel', functionKey: 'whoami', accountId: ADMIN }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accountId: ADMIN });
  });

  it("serves the app's Custom UI resource", async () => {
    const response = await fetch(`${host.url}/resources/main/index.html`);
    expect(response.status).toBe(200);
  });
});

describe('basicSeed', () => {
  it('refuses a seed without a Jira admin', () => {
    const seed = basicSeed({
      users: [{ accountId: 'a1', displayName: 'Only Member', role: 'member', description: 'member' }],
    });
    expect(() => seed.check?.()).toThrow(/needs a user with role 'admin'/);
  });

  it('says which parent is missing when an issue names one not listed before it', async () => {
    const seed = basicSeed({
      projects: [{ key: 'ABC', name: 'A', issues: [{ summary: 's', parent: 'ABC-9' }] }],
    });
    await expect(openLocalSite({ appRoot: APP, dataDir: null, seed, log: () => undefined })).rejects.toThrow(
      'ABC-1: its parent ABC-9 must be listed before it',
    );
  });
});
