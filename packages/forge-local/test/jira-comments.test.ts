import { JiraOpenApiContract } from '../src';
import type { JiraExchange, LocalSiteRuntime } from '../src';
import { ADMIN, appJira, bodyOf, openFixtureSite, rest, TEAM } from './site-fixtures';

const doc = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'mention', attrs: { id: TEAM } },
        { type: 'text', text },
      ],
    },
  ],
});

interface CommentPage {
  startAt: number;
  maxResults: number;
  total: number;
  comments: {
    id: string;
    body: unknown;
    author: { accountId: string };
    properties?: { key: string; value: unknown }[];
  }[];
}

describe('issue comments on the Jira emulator', () => {
  const contract = JiraOpenApiContract.load();
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

  it('answers every comment call, and takes every request, to the OpenAPI spec', async () => {
    const before = exchanges.length;
    const answered = [
      await rest(site, ADMIN, 'POST', '/rest/api/3/issue/CHK-1/comment', { body: doc(' first') }),
      await rest(site, ADMIN, 'POST', '/rest/api/3/issue/CHK-1/comment', {
        body: doc(' second'),
        properties: [{ key: 'idempotency', value: { key: 'k-2' } }],
      }),
      await rest(
        site,
        ADMIN,
        'GET',
        '/rest/api/3/issue/CHK-1/comment?orderBy=-created&expand=properties&maxResults=1',
      ),
      await rest(site, ADMIN, 'GET', '/rest/api/3/issue/CHK-1/comment'),
      await rest(site, ADMIN, 'POST', '/rest/api/3/issue/CHK-1/comment', { body: 'plain text' }),
      await rest(site, ADMIN, 'GET', '/rest/api/3/issue/NOPE-1/comment'),
      await rest(site, ADMIN, 'GET', '/rest/api/3/serverInfo'),
    ];
    expect(answered.map((response) => response.status)).toEqual([201, 201, 200, 200, 400, 404, 200]);
    await appJira(site, {
      as: 'app',
      method: 'POST',
      path: '/rest/api/3/issue/CHK-1/comment',
      body: { body: doc(' from the app') },
    });
    expect(exchanges.slice(before).flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });

  it('returns comments oldest first, or newest first with -created, paged, with their properties on request', async () => {
    await rest(site, ADMIN, 'POST', '/rest/api/3/issue/CHK-2/comment', { body: doc(' a') });
    const second = bodyOf<{ id: string }>(
      await rest(site, ADMIN, 'POST', '/rest/api/3/issue/CHK-2/comment', {
        body: doc(' b'),
        properties: [{ key: 'idempotency', value: { key: 'k-b' } }],
      }),
    );
    const oldestFirst = bodyOf<CommentPage>(await rest(site, TEAM, 'GET', '/rest/api/3/issue/CHK-2/comment'));
    expect(oldestFirst.total).toBe(2);
    expect(oldestFirst.comments.map((comment) => comment.body)).toEqual([doc(' a'), doc(' b')]);
    expect(oldestFirst.comments[0]?.author.accountId).toBe(ADMIN);
    expect(oldestFirst.comments[0]?.properties).toBeUndefined();

    const newest = bodyOf<CommentPage>(
      await rest(
        site,
        TEAM,
        'GET',
        '/rest/api/3/issue/CHK-2/comment?orderBy=-created&maxResults=1&expand=properties',
      ),
    );
    expect(newest).toMatchObject({ startAt: 0, maxResults: 1, total: 2 });
    expect(newest.comments.map((comment) => [comment.id, comment.properties])).toEqual([
      [second.id, [{ key: 'idempotency', value: { key: 'k-b' } }]],
    ]);
  });

  it('answers 404 to a caller who may not browse the issue, and adds nothing', async () => {
    const added = await rest(site, TEAM, 'POST', '/rest/api/3/issue/PAY-1/comment', { body: doc(' hidden') });
    expect(added.status).toBe(404);
    expect(bodyOf<CommentPage>(await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1/comment')).total).toBe(
      0,
    );
  });

  it("names the site's default time zone in serverInfo (UTC unless the seed sets one)", async () => {
    expect(bodyOf(await rest(site, TEAM, 'GET', '/rest/api/3/serverInfo'))).toMatchObject({
      serverTimeZone: 'UTC',
      deploymentType: 'Cloud',
    });
  });
});

describe('the site clock', () => {
  it('moves what the app and Jira read as now, and puts real time back when the site closes', async () => {
    const site = await openFixtureSite();
    try {
      const before = performance.timeOrigin + performance.now();
      site.advanceClock(90 * 86_400_000);
      // Date and performance read the same clock, up to a millisecond of rounding.
      expect(Date.now() - before).toBeGreaterThan(90 * 86_400_000 - 5);
      expect(new Date(0) instanceof Date).toBe(true);
      expect(new Date().getTime() - site.now().getTime()).toBeLessThan(1000);
      const created = bodyOf<{ created: string }>(
        await rest(site, ADMIN, 'POST', '/rest/api/3/issue/CHK-1/comment', { body: doc(' later') }),
      );
      expect(Date.parse(created.created.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) - before).toBeGreaterThan(
        90 * 86_400_000 - 5,
      );
      expect(() => {
        site.advanceClock(-1);
      }).toThrow(RangeError);
    } finally {
      await site.close();
    }
    // performance's clock is the real one, whatever Date says.
    const realNow = performance.timeOrigin + performance.now();
    expect(Math.abs(Date.now() - realNow)).toBeLessThan(1000);
    expect(Math.abs(new Date().getTime() - realNow)).toBeLessThan(1000);
  });
});
