import { JiraOpenApiContract } from '../src';
import type { JiraExchange, LocalSiteRuntime } from '../src';
import { ADMIN, bodyOf, openFixtureSite, PORTFOLIO, rest, TEAM } from './site-fixtures';

interface User {
  accountId: string;
  displayName: string;
  emailAddress: string;
  active: boolean;
}

describe('GET /rest/api/3/user/search in the Jira emulator', () => {
  let site: LocalSiteRuntime;
  let exchanges: JiraExchange[];

  beforeAll(async () => {
    site = await openFixtureSite();
    exchanges = [];
    site.onJiraExchange((exchange) => exchanges.push(exchange));
  });

  afterAll(async () => {
    await site.close();
  });

  const search = async (query: string, as = TEAM) => {
    const response = await rest(site, as, 'GET', `/rest/api/3/user/search?${query}`);
    return { status: response.status, users: response.status === 200 ? bodyOf<User[]>(response) : [] };
  };

  it('returns the users whose name starts with the query, in any case', async () => {
    const { status, users } = await search('query=ADA');

    expect(status).toBe(200);
    expect(users.map((user) => user.accountId)).toEqual([ADMIN]);
    expect(users[0]).toMatchObject({ displayName: 'Ada Marsh', active: true });
  });

  it('matches the start of any word of the name, and the start of the email address', async () => {
    const byLastName = await search('query=moreno');
    const byEmail = await search('query=priya.na');

    expect(byLastName.users.map((user) => user.accountId)).toEqual([TEAM]);
    expect(byEmail.users.map((user) => user.accountId)).toEqual([PORTFOLIO]);
  });

  it('finds a user by exact account id', async () => {
    expect((await search(`accountId=${PORTFOLIO}`)).users.map((user) => user.displayName)).toEqual([
      'Priya Nair',
    ]);
  });

  it('pages with startAt and maxResults, in name order', async () => {
    const all = (await search('query=m&maxResults=50')).users.map((user) => user.displayName);
    const second = (await search('query=m&startAt=1&maxResults=2')).users.map((user) => user.displayName);

    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b)));
    expect(second).toEqual(all.slice(1, 3));
  });

  it('returns an empty list when nobody matches', async () => {
    expect(await search('query=zzz')).toEqual({ status: 200, users: [] });
  });

  it('answers 400 without a query or account id, and with both', async () => {
    expect((await search('maxResults=5')).status).toBe(400);
    expect((await search(`query=m&accountId=${ADMIN}`)).status).toBe(400);
  });

  it("keeps to the official spec's request and answer shapes", () => {
    const contract = JiraOpenApiContract.load();
    const calls = exchanges.filter((exchange) => exchange.template === '/rest/api/3/user/search');

    expect(calls.length).toBeGreaterThan(5);
    expect(calls.flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });
});
