/**
 * Benefit reviews end to end on the demo site (issue #15): an epic is marked Done in Jira, the
 * site's clock moves past its 3-month review, the hourly trigger runs twice (Forge may redeliver)
 * and the owner gets exactly one comment that mentions them, and one notification of it in Jira's
 * bell; the owner then records actuals and
 * closes the review in the panel, and the gadget's counts follow.
 */
import { BROWSE_ONLY, CONTRIBUTOR_PERMISSIONS, JiraOpenApiContract } from 'forge-local';
import type { JiraExchange, LocalSiteRuntime } from '../../local-site';
import type { EpicList, PortfolioView } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import type { EpicReviewsView, ReviewsDueView } from '../../src/contract/review.contract';
import { ADMIN, call, openDemoSite, TEAM } from './local-site';

const DAY_MS = 86_400_000;
const REVIEW_TRIGGER = 'value-review-schedule';

interface CommentPage {
  total: number;
  comments: {
    id: string;
    author: { accountId: string };
    body: { content: { content: { type: string; attrs?: { id: string } }[] }[] };
  }[];
}

async function commentsOn(site: LocalSiteRuntime, issueKey: string, accountId: string): Promise<CommentPage> {
  const response = await site.requestJira({
    accountId,
    method: 'GET',
    path: `/rest/api/3/issue/${issueKey}/comment`,
  });
  expect(response.status).toBe(200);
  return JSON.parse(response.body) as CommentPage;
}

function mentionedIn(comment: CommentPage['comments'][number]): string[] {
  return comment.body.content.flatMap((block) =>
    block.content.flatMap((node) => (node.type === 'mention' && node.attrs ? [node.attrs.id] : [])),
  );
}

/** Moves the site's clock to noon UTC (the demo site's zone) of `date`. */
function moveClockTo(site: LocalSiteRuntime, date: string): void {
  site.advanceClock(Date.parse(`${date}T12:00:00Z`) - site.now().getTime());
}

describe('benefit reviews on the local runtime', () => {
  let site: LocalSiteRuntime;
  let epicKey: string;
  let teamProject: string;
  const exchanges: JiraExchange[] = [];

  beforeAll(async () => {
    site = await openDemoSite();
    site.onJiraExchange((exchange) => exchanges.push(exchange));
    const teamView = await call<PortfolioView>(site, TEAM, 'gadget/get-portfolio', {
      scope: { kind: 'all' },
    });
    teamProject = Object.keys(teamView.data?.byProject ?? {})[0] ?? '';
    const all = await call<EpicList>(site, ADMIN, 'gadget/list-epics', { scope: { kind: 'all' } });
    epicKey =
      all.data?.epics.find((epic) => epic.project === teamProject && epic.status !== 'done')?.key ?? '';
    expect(epicKey).not.toBe('');
  });

  afterAll(async () => {
    await site.close();
  });

  it('schedules, notifies once, closes with actuals and updates the gadget counts', async () => {
    // The team member owns the epic's first benefit.
    const before = await call<EpicValueView>(site, TEAM, 'panel/get-value', { issueKey: epicKey });
    const value = before.data?.value;
    if (value === undefined || before.data === undefined) throw new Error(`no value on ${epicKey}`);
    expect(value.benefits.length).toBeGreaterThan(0);
    const [first, ...others] = value.benefits;
    if (first === undefined) throw new Error('no benefit');
    const owned = await call<EpicValueView>(site, TEAM, 'panel/save-value', {
      issueKey: epicKey,
      baseRevision: before.data.revision,
      value: { ...value, benefits: [{ ...first, owner: TEAM }, ...others] },
    });
    expect(owned.error).toBeUndefined();

    // Nothing is scheduled before Done.
    const notDone = await call<EpicReviewsView>(site, TEAM, 'panel/get-reviews', { issueKey: epicKey });
    expect(notDone.data?.reviews).toEqual([]);

    site.jiraUi.transitionIssue(TEAM, epicKey, 'Done');
    await site.deliverPendingEvents();
    const doneDate = site.now().toISOString().slice(0, 10);
    const scheduled = await call<EpicReviewsView>(site, TEAM, 'panel/get-reviews', { issueKey: epicKey });
    expect(scheduled.data?.timeZone).toBe('UTC');
    expect(scheduled.data?.reviews.map((review) => [review.offsetMonths, review.state])).toEqual([
      [3, 'upcoming'],
      [6, 'upcoming'],
      [12, 'upcoming'],
    ]);
    const threeMonths = scheduled.data?.reviews[0]?.dueDate ?? '';
    const [year, month] = doneDate.split('-').map(Number) as [number, number];
    expect(threeMonths.slice(0, 7)).toBe(
      new Date(Date.UTC(year, month - 1 + 3, 1)).toISOString().slice(0, 7),
    );

    const early = await call(site, TEAM, 'panel/close-review', {
      issueKey: epicKey,
      offsetMonths: 3,
      baseRevision: owned.data?.revision,
    });
    expect(early.error?.code).toBe('BAD_REQUEST');
    expect(early.error?.fields).toEqual([
      { path: 'offsetMonths', message: `is not due until ${threeMonths}` },
    ]);

    const dueBefore = await call<ReviewsDueView>(site, TEAM, 'gadget/get-reviews', {
      scope: { kind: 'all' },
    });
    expect(dueBefore.data?.reviews.some((row) => row.issueKey === epicKey)).toBe(false);

    // Past the 3-month review; the trigger is delivered twice.
    moveClockTo(site, threeMonths);
    site.advanceClock(DAY_MS);
    await site.runScheduledTrigger(REVIEW_TRIGGER);
    await site.runScheduledTrigger(REVIEW_TRIGGER);

    const comments = await commentsOn(site, epicKey, TEAM);
    expect(comments.total).toBe(1);
    const [notice] = comments.comments;
    if (notice === undefined) throw new Error('no comment');
    expect(mentionedIn(notice)).toEqual([TEAM]);
    // Jira tells the owner once (the bell), linking to the notice; the app that wrote it hears nothing.
    const bell = site.notifications.feed(TEAM);
    expect(bell.unseen).toBe(1);
    expect(bell.notifications.map((n) => [n.kind, n.issue.key, n.commentId, n.path])).toEqual([
      ['mention', epicKey, notice.id, `/browse/${epicKey}?focusedCommentId=${notice.id}`],
    ]);
    expect(site.notifications.feed(notice.author.accountId).notifications).toEqual([]);
    const notified = await call<EpicReviewsView>(site, TEAM, 'panel/get-reviews', { issueKey: epicKey });
    expect(notified.data?.reviews[0]).toMatchObject({
      state: 'due',
      notified: { commentId: notice.id, owners: [TEAM] },
    });

    const due = await call<ReviewsDueView>(site, TEAM, 'gadget/get-reviews', { scope: { kind: 'all' } });
    expect(due.data?.reviews.find((row) => row.issueKey === epicKey)).toMatchObject({
      state: 'due',
      offsetMonths: 3,
      owners: [TEAM],
    });

    // A month later it is overdue.
    site.advanceClock(31 * DAY_MS);
    const overdue = await call<ReviewsDueView>(site, TEAM, 'gadget/get-reviews', { scope: { kind: 'all' } });
    expect(overdue.data?.reviews.find((row) => row.issueKey === epicKey)?.state).toBe('overdue');
    const overdueBefore = overdue.data?.overdue ?? 0;

    // Refusals leave the review open: an unknown benefit, a `verified` grade from someone outside the
    // verifier group (the panel save's own rule), and an owner without Edit issues.
    const current = await call<EpicValueView>(site, TEAM, 'panel/get-value', { issueKey: epicKey });
    const measuredMonth = site.now().toISOString().slice(0, 7);
    const actual = { benefitId: first.id, month: measuredMonth, amount: 1234.5, evidence: 'measured' };
    const unknown = await call(site, TEAM, 'panel/close-review', {
      issueKey: epicKey,
      offsetMonths: 3,
      baseRevision: current.data?.revision,
      actuals: [{ ...actual, benefitId: 'no-such-benefit' }],
    });
    expect(unknown.error?.fields?.map((field) => field.path)).toEqual(['actuals[0].benefitId']);
    const verified = await call(site, TEAM, 'panel/close-review', {
      issueKey: epicKey,
      offsetMonths: 3,
      baseRevision: current.data?.revision,
      actuals: [{ ...actual, evidence: 'verified' }],
    });
    expect(verified.ok).toBe(false);
    expect(verified.error?.fields?.map((field) => field.path)).toEqual(['actuals[0].evidence']);
    site.jiraUi.setProjectPermissions(ADMIN, TEAM, teamProject, BROWSE_ONLY);
    const browseOnly = await call(site, TEAM, 'panel/close-review', {
      issueKey: epicKey,
      offsetMonths: 3,
      baseRevision: current.data?.revision,
      actuals: [actual],
    });
    site.jiraUi.setProjectPermissions(ADMIN, TEAM, teamProject, CONTRIBUTOR_PERMISSIONS);
    expect(browseOnly.error?.code).toBe('FORBIDDEN');
    const stillOpen = await call<EpicReviewsView>(site, TEAM, 'panel/get-reviews', { issueKey: epicKey });
    expect(stillOpen.data?.reviews[0]?.state).toBe('overdue');
    const unchanged = await call<EpicValueView>(site, TEAM, 'panel/get-value', { issueKey: epicKey });
    expect(unchanged.data?.revision).toBe(current.data?.revision);

    // The owner records a measured actual and closes the review.
    const closed = await call<EpicReviewsView>(site, TEAM, 'panel/close-review', {
      issueKey: epicKey,
      offsetMonths: 3,
      baseRevision: current.data?.revision,
      actuals: [
        {
          benefitId: first.id,
          month: measuredMonth,
          amount: 1234.5,
          evidence: 'measured',
          note: 'From the March report',
        },
      ],
      note: 'On track',
    });
    expect(closed.error).toBeUndefined();
    expect(closed.data?.reviews[0]).toMatchObject({
      state: 'closed',
      closed: { by: TEAM, note: 'On track', realisedEntries: 1 },
    });
    const after = await call<EpicValueView>(site, TEAM, 'panel/get-value', { issueKey: epicKey });
    expect(after.data?.revision).toBe((current.data?.revision ?? 0) + 1);
    expect(
      after.data?.value.benefits[0]?.realised.find((entry) => entry.month === measuredMonth),
    ).toMatchObject({
      amount: 1234.5,
      evidence: 'measured',
      note: 'From the March report',
      recordedBy: TEAM,
    });

    const counts = await call<ReviewsDueView>(site, TEAM, 'gadget/get-reviews', { scope: { kind: 'all' } });
    expect(counts.data?.overdue).toBe(overdueBefore - 1);
    expect(counts.data?.reviews.some((row) => row.issueKey === epicKey)).toBe(false);

    // Closed is closed: a second close is a conflict, and later runs tell no one again.
    const again = await call(site, TEAM, 'panel/close-review', {
      issueKey: epicKey,
      offsetMonths: 3,
      baseRevision: after.data?.revision,
    });
    expect(again.error?.code).toBe('CONFLICT');
    await site.runScheduledTrigger(REVIEW_TRIGGER);
    expect((await commentsOn(site, epicKey, TEAM)).total).toBe(1);
  });

  it('makes only the Jira calls the OpenAPI spec declares (comments, serverInfo, Done dates)', () => {
    const templates = new Set(exchanges.map((exchange) => `${exchange.method} ${exchange.template}`));
    expect(templates).toContain('POST /rest/api/3/issue/{issueIdOrKey}/comment');
    expect(templates).toContain('GET /rest/api/3/serverInfo');
    expect(exchanges.flatMap((exchange) => JiraOpenApiContract.load().checkExchange(exchange))).toEqual([]);
  });

  it('schedules the reviews of a Done epic whose Done event was missed when the daily reconcile sweeps it', async () => {
    // Done epics of the demo were scheduled by their refresh events; forget those of all but ours.
    const schedules = site.storage
      .keys('review:epic:')
      .map((key) => ({
        issueId: key.slice('review:epic:'.length),
        value: site.storage.get(key) as { issueKey: string },
      }))
      .filter((schedule) => schedule.value.issueKey !== epicKey);
    expect(schedules.length).toBeGreaterThan(0);
    for (const { issueId } of schedules)
      for (const key of site.storage.keys('review:'))
        if (key === `review:epic:${issueId}` || key.includes(`:${issueId}:`)) site.storage.delete(key);
    const forgotten = await call<EpicReviewsView>(site, ADMIN, 'panel/get-reviews', {
      issueKey: schedules[0]?.value.issueKey,
    });
    expect(forgotten.data?.reviews).toEqual([]);

    await site.runScheduledTrigger('value-reconcile-schedule');

    const after = await Promise.all(
      schedules.map(({ value }) =>
        call<EpicReviewsView>(site, ADMIN, 'panel/get-reviews', { issueKey: value.issueKey }),
      ),
    );
    expect(after.map((answer) => answer.data?.reviews.length)).toEqual(schedules.map(() => 3));
  });
});
