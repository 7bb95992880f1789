import type { EpicIssue } from '../../../src/application/ports/jira-site';
import {
  notifyDueReviews,
  type ReviewNotifierContext,
} from '../../../src/application/reviews/notify-due-reviews';
import { scheduleEpicReviews } from '../../../src/application/reviews/schedule-epic-reviews';
import { reviewNoticeKey } from '../../../src/application/storage-keys';
import { DEFAULT_SETTINGS } from '../../../src/contract/site-config.schema';
import { InMemoryIssueComments, siteInfoIn } from '../../fakes/in-memory-issue-comments';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { aBenefit, anEpicValue } from '../../fixtures/value-builders';

const OWNER = '5b10a2844c20165700ede21g';
const OTHER_OWNER = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';

function doneEpic(overrides: Partial<EpicIssue> = {}): EpicIssue {
  return {
    id: '10042',
    key: 'PAY-42',
    summary: 'One-click checkout',
    status: 'done',
    doneAt: '2026-01-31T23:30:00.000Z',
    projectKey: 'PAY',
    parentKey: null,
    issueTypeId: '10000',
    hierarchyLevel: 1,
    stored: {
      state: 'stored',
      record: {
        revision: 3,
        updatedAt: '2026-01-20T10:00:00.000Z',
        updatedBy: OWNER,
        value: anEpicValue({
          benefits: [
            aBenefit({ id: 'b1', owner: OWNER }),
            aBenefit({ id: 'b2', owner: OTHER_OWNER }),
            aBenefit({ id: 'b3', owner: OWNER }),
          ],
        }),
      },
    },
    ...overrides,
  };
}

/** A store whose write of a `sent` notice fails once: the run stops between posting and marking. */
class CrashBeforeMarkStore extends InMemoryKeyValueStore {
  armed = true;

  override set(key: string, value: unknown): Promise<void> {
    if (this.armed && (value as { state?: unknown }).state === 'sent') {
      this.armed = false;
      return Promise.reject(new Error('the function was stopped'));
    }
    return super.set(key, value);
  }
}

function setUp(store = new InMemoryKeyValueStore(), timeZone = 'Europe/Berlin') {
  const epic = doneEpic();
  let now = new Date('2026-02-01T08:00:00.000Z');
  const comments = new InMemoryIssueComments();
  const context: ReviewNotifierContext = {
    store,
    clock: { now: () => now },
    siteInfo: siteInfoIn(timeZone),
    comments,
    jira: { getIssue: (key) => Promise.resolve(key === epic.id || key === epic.key ? epic : null) },
  };
  return {
    context,
    comments,
    epic,
    store,
    moveTo: (instant: string) => {
      now = new Date(instant);
    },
  };
}

describe('notifyDueReviews', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    errors.mockRestore();
  });

  it('tells no one before the first review falls due on the site calendar', async () => {
    const { context, comments, epic, moveTo } = setUp();
    // Done at 23:30 UTC on 31 Jan is 1 Feb in Berlin: the 3-month review is due on 1 May there.
    expect(await scheduleEpicReviews(context, epic, DEFAULT_SETTINGS)).toBe('scheduled');
    moveTo('2026-04-30T21:00:00.000Z'); // 23:00 on 30 April in Berlin
    expect(await notifyDueReviews(context)).toEqual({ notified: 0, recovered: 0, deferred: 0 });
    expect(comments.comments).toEqual([]);
  });

  it('posts one comment mentioning each owner once when a review falls due, however often it runs', async () => {
    const { context, comments, epic, moveTo } = setUp();
    await scheduleEpicReviews(context, epic, DEFAULT_SETTINGS);
    moveTo('2026-04-30T22:30:00.000Z'); // 00:30 on 1 May in Berlin

    expect(await notifyDueReviews(context)).toEqual({ notified: 1, recovered: 0, deferred: 0 });
    expect(await notifyDueReviews(context)).toEqual({ notified: 0, recovered: 0, deferred: 0 });

    expect(comments.on(epic.id)).toHaveLength(1);
    const mentions = JSON.stringify(comments.on(epic.id)[0]?.body).match(
      /"type":"mention","attrs":\{"id":"[^"]+"/g,
    );
    expect(mentions).toEqual([
      `"type":"mention","attrs":{"id":"${OWNER}"`,
      `"type":"mention","attrs":{"id":"${OTHER_OWNER}"`,
    ]);
    expect(JSON.stringify(comments.on(epic.id)[0]?.body)).toContain('fell due on 2026-05-01');
  });

  it('finds its own comment after a crash between posting and marking, and does not post again', async () => {
    const { context, comments, epic, moveTo, store } = setUp(new CrashBeforeMarkStore());
    await scheduleEpicReviews(context, epic, DEFAULT_SETTINGS);
    moveTo('2026-05-02T09:00:00.000Z');

    expect(await notifyDueReviews(context)).toEqual({ notified: 0, recovered: 0, deferred: 1 });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(comments.on(epic.id)).toHaveLength(1);
    expect(await store.get(reviewNoticeKey({ issueId: epic.id, offsetMonths: 3 }))).toMatchObject({
      state: 'sending',
    });

    expect(await notifyDueReviews(context)).toEqual({ notified: 0, recovered: 1, deferred: 0 });
    expect(comments.on(epic.id)).toHaveLength(1);
    expect(await store.get(reviewNoticeKey({ issueId: epic.id, offsetMonths: 3 }))).toMatchObject({
      state: 'sent',
      commentId: comments.on(epic.id)[0]?.id,
      owners: [OWNER, OTHER_OWNER],
    });
  });

  it('posts on the next run when the earlier one failed before Jira stored the comment', async () => {
    const { context, comments, epic, moveTo } = setUp();
    await scheduleEpicReviews(context, epic, DEFAULT_SETTINGS);
    moveTo('2026-05-02T09:00:00.000Z');
    comments.failNextAdd = true;

    expect(await notifyDueReviews(context)).toEqual({ notified: 0, recovered: 0, deferred: 1 });
    expect(await notifyDueReviews(context)).toEqual({ notified: 1, recovered: 0, deferred: 0 });
    expect(comments.on(epic.id)).toHaveLength(1);
  });

  it('leaves a review another run holds to that run', async () => {
    const { context, comments, epic, moveTo, store } = setUp();
    await scheduleEpicReviews(context, epic, DEFAULT_SETTINGS);
    moveTo('2026-05-02T09:00:00.000Z');
    await store.set('review:claim:10042:003', { at: '2026-05-02T08:59:59.000Z' });

    expect(await notifyDueReviews(context)).toEqual({ notified: 0, recovered: 0, deferred: 1 });
    expect(comments.comments).toEqual([]);
  });
});

describe('scheduleEpicReviews', () => {
  it('returns not-done for an epic that is not Done, and no-benefits for one without benefits', async () => {
    const { context, epic } = setUp();
    expect(
      await scheduleEpicReviews(context, { ...epic, status: 'in_progress', doneAt: null }, DEFAULT_SETTINGS),
    ).toBe('not-done');
    expect(await scheduleEpicReviews(context, { ...epic, stored: { state: 'none' } }, DEFAULT_SETTINGS)).toBe(
      'no-benefits',
    );
  });

  it('keeps the first schedule when the epic is seen Done again later', async () => {
    const { context, epic, store } = setUp();
    expect(await scheduleEpicReviews(context, epic, DEFAULT_SETTINGS)).toBe('scheduled');
    expect(
      await scheduleEpicReviews(context, { ...epic, doneAt: '2026-06-15T10:00:00.000Z' }, DEFAULT_SETTINGS),
    ).toBe('already');
    expect(await store.get('review:epic:10042')).toMatchObject({
      doneAt: '2026-01-31T23:30:00.000Z',
      timeZone: 'Europe/Berlin',
      reviews: [
        { offsetMonths: 3, dueDate: '2026-05-01' },
        { offsetMonths: 6, dueDate: '2026-08-01' },
        { offsetMonths: 12, dueDate: '2027-02-01' },
      ],
    });
  });

  it('dates reviews in UTC when Jira names a time zone the runtime does not know', async () => {
    const { context, epic, store } = setUp(new InMemoryKeyValueStore(), 'Mars/Olympus');
    await scheduleEpicReviews(context, epic, DEFAULT_SETTINGS);
    expect(await store.get('review:epic:10042')).toMatchObject({
      timeZone: 'UTC',
      reviews: [{ offsetMonths: 3, dueDate: '2026-04-30' }, { offsetMonths: 6 }, { offsetMonths: 12 }],
    });
  });
});
