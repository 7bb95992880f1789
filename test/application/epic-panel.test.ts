import { JiraUnavailableError } from '../../src/adapters/jira/jira-client';
import { AppError } from '../../src/application/app-error';
import { getEpicHistory } from '../../src/application/epic-value/get-epic-history';
import { getEpicValue } from '../../src/application/epic-value/get-epic-value';
import type { PanelContext } from '../../src/application/epic-value/panel-context';
import { saveEpicValue } from '../../src/application/epic-value/save-epic-value';
import { SiteConfig } from '../../src/application/site-config';
import type { EpicValueDocumentInput } from '../../src/contract/epic-value.schema';
import type { SaveConflict, UnreadableRecord } from '../../src/contract/panel.contract';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';
import { reconcileContext } from './rollup/rollup-support';
import { rollupEpicPrefix } from '../../src/application/storage-keys';
import { refreshEpicBodySchema } from '../../src/application/rollup/refresh-epic';
import { onIssueChanged } from '../../src/application/rollup/on-issue-changed';

const editor: FakeUser = { accountId: 'editor' };
const viewer: FakeUser = { accountId: 'viewer', edit: [] };
const outsider: FakeUser = { accountId: 'outsider', browse: ['OTHER'] };

const value: EpicValueDocumentInput = {
  successProbability: 0.5,
  objectives: [{ id: 'OBJ-GROW', share: 0.5 }],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Faster checkout',
      planned: [
        { month: '2026-10', amount: 1000 },
        { month: '2026-12', amount: 1000 },
      ],
      realised: [{ month: '2026-10', amount: 600, evidence: 'verified' }],
    },
  ],
  costs: { planned: [{ month: '2026-09', amount: 400 }], actual: [{ month: '2026-09', amount: 500 }] },
};

/** Storage whose writes under some prefixes fail, as Forge storage does when it keeps answering 5xx. */
class StoreFailingWrites extends InMemoryKeyValueStore {
  failingPrefixes: string[] = [];

  private check(keys: readonly string[]): void {
    const key = keys.find((candidate) => this.failingPrefixes.some((prefix) => candidate.startsWith(prefix)));
    if (key !== undefined) throw new Error(`Forge storage did not answer while writing ${key}.`);
  }

  override set(key: string, value: unknown): Promise<void> {
    this.check([key]);
    return super.set(key, value);
  }

  override transact(operations: { set?: { key: string; value: unknown }[]; delete?: string[] }) {
    this.check((operations.set ?? []).map((entry) => entry.key));
    return super.transact(operations);
  }
}

async function site() {
  const jira = new InMemoryJira();
  const store = new StoreFailingWrites();
  const rollupQueue = new InMemoryWorkQueue();
  const config = new SiteConfig(store);
  await config.saveObjective({
    id: 'OBJ-GROW',
    name: 'Grow revenue',
    status: 'active',
    weight: 5,
    description: '',
    ownerAccountId: null,
    target: null,
    parentId: null,
  });
  await config.saveObjective({
    id: 'OBJ-OLD',
    name: 'Old goal',
    status: 'archived',
    weight: 1,
    description: '',
    ownerAccountId: null,
    target: null,
    parentId: null,
  });
  jira.addEpic({ key: 'PAY-1', summary: 'Checkout revamp' });
  jira.addEpic({ key: 'PAY-2', hierarchyLevel: 0 });
  // The editor is in finance's verifier group: the value above holds a verified amount.
  jira.groups.add({ groupId: 'finance', name: 'Finance', members: [editor.accountId, 'editor-2'] });
  await config.saveSettings({ ...(await config.settings()), verifierGroupId: 'finance' });
  const contextFor = (user: FakeUser): PanelContext => ({
    accountId: user.accountId,
    jira: jira.siteFor(user),
    permissions: jira.permissionsFor(user),
    groups: jira.groups,
    store,
    clock: { now: () => new Date('2026-11-15T12:00:00Z') },
    sleep: () => new Promise((resolve) => setImmediate(resolve)),
    rollupQueue,
  });
  return { jira, store, contextFor, rollupQueue };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('getEpicValue', () => {
  it('returns an empty record at revision 0 when nothing was saved yet', async () => {
    const { contextFor } = await site();

    const view = await getEpicValue(contextFor(editor), { issueKey: 'PAY-1' });

    expect(view).toMatchObject({ revision: 0, canEdit: true, readOnlyReason: null, asOf: '2026-11' });
    expect(view.value.benefits).toEqual([]);
    expect(view.objectives.map((objective) => objective.id)).toEqual(['OBJ-GROW']);
  });

  it('returns a read-only view saying why when the user may not edit the epic', async () => {
    const { contextFor } = await site();

    const view = await getEpicValue(contextFor(viewer), { issueKey: 'PAY-1' });

    expect(view.canEdit).toBe(false);
    expect(view.readOnlyReason).toMatch(/Edit issues permission in project PAY/);
  });

  it('answers NOT_FOUND when the user may not browse the epic', async () => {
    const { contextFor } = await site();

    const error = await failureOf(getEpicValue(contextFor(outsider), { issueKey: 'PAY-1' }));

    expect(error.code).toBe('NOT_FOUND');
  });

  it('answers BAD_REQUEST for an issue that is not an epic', async () => {
    const { contextFor } = await site();

    const error = await failureOf(getEpicValue(contextFor(editor), { issueKey: 'PAY-2' }));

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/not an epic/);
  });

  it('reports a damaged stored record instead of replacing it', async () => {
    const { jira, contextFor } = await site();
    const epic = jira.issues.get('PAY-1');
    if (epic) epic.stored = { state: 'unreadable', reason: 'record.b.0.k: invalid' };

    const error = await failureOf(getEpicValue(contextFor(editor), { issueKey: 'PAY-1' }));

    expect(error.code).toBe('UNREADABLE_RECORD');
    expect(error.message).toMatch(/cannot be read .*record\.b\.0\.k/);
  });
});

/** A stored property whose cost series spans 1,201 months: more than the codec reads. */
const OVER_LIMIT_RECORD = JSON.stringify({
  schemaVersion: 1,
  revision: 4,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'someone',
  record: { p: 1, o: [], b: [], c: { p: ['2000-01', new Array<number>(1201).fill(1)], a: null }, n: null },
  index: {},
});

describe('an unreadable stored record', () => {
  it.each([
    ['damaged JSON of this app', '{"schemaVersion":1,"revision":2,"record":"garbage"}', 2],
    ['a record of an unknown schema', '{"schemaVersion":99,"revision":7}', 7],
    ['a series over the 1,200-month limit', OVER_LIMIT_RECORD, 4],
    ['a foreign shape', '["not", "a", "record"]', 0],
  ])('is reported with what an overwrite needs when it holds %s', async (_, json, revision) => {
    const { jira, contextFor } = await site();
    jira.setRawValue('PAY-1', json);

    const error = await failureOf(getEpicValue(contextFor(editor), { issueKey: 'PAY-1' }));

    expect(error.code).toBe('UNREADABLE_RECORD');
    expect(error.details).toEqual({
      issueKey: 'PAY-1',
      reason: expect.any(String) as unknown,
      fingerprint: expect.stringMatching(/^\d+-[0-9a-z]+$/) as unknown,
      revision,
      canEdit: true,
    });
  });

  it('is left as it is by a save that does not name it', async () => {
    const { jira, contextFor } = await site();
    jira.setRawValue('PAY-1', OVER_LIMIT_RECORD);

    const error = await failureOf(
      saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 4, value }),
    );

    expect(error.code).toBe('UNREADABLE_RECORD');
    expect(jira.rawValueOf('PAY-1')).toBe(OVER_LIMIT_RECORD);
  });

  it('is replaced by a confirmed overwrite naming its fingerprint, as the next revision with history', async () => {
    const { jira, contextFor } = await site();
    jira.setRawValue('PAY-1', OVER_LIMIT_RECORD);
    const shown = (await failureOf(getEpicValue(contextFor(editor), { issueKey: 'PAY-1' })))
      .details as UnreadableRecord;

    const view = await saveEpicValue(contextFor(editor), {
      issueKey: 'PAY-1',
      baseRevision: shown.revision,
      value: {},
      overwriteUnreadable: { fingerprint: shown.fingerprint },
    });
    const history = await getEpicHistory(contextFor(editor), { issueKey: 'PAY-1' });

    expect(view.revision).toBe(5);
    expect(view.value.benefits).toEqual([]);
    expect((await getEpicValue(contextFor(editor), { issueKey: 'PAY-1' })).revision).toBe(5);
    expect(history.entries.map((entry) => entry.revision)).toEqual([5]);
  });

  it('is not overwritten when it changed since the user was shown it', async () => {
    const { jira, contextFor } = await site();
    jira.setRawValue('PAY-1', OVER_LIMIT_RECORD);
    const shown = (await failureOf(getEpicValue(contextFor(editor), { issueKey: 'PAY-1' })))
      .details as UnreadableRecord;
    const changed = OVER_LIMIT_RECORD.replace('"someone"', '"someone else"');
    jira.setRawValue('PAY-1', changed);

    const error = await failureOf(
      saveEpicValue(contextFor(editor), {
        issueKey: 'PAY-1',
        baseRevision: shown.revision,
        value: {},
        overwriteUnreadable: { fingerprint: shown.fingerprint },
      }),
    );

    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/changed since you were shown it/);
    expect(jira.rawValueOf('PAY-1')).toBe(changed);
  });

  it('is not overwritten by a user without Edit', async () => {
    const { jira, contextFor } = await site();
    jira.setRawValue('PAY-1', OVER_LIMIT_RECORD);
    const shown = (await failureOf(getEpicValue(contextFor(viewer), { issueKey: 'PAY-1' })))
      .details as UnreadableRecord;

    const error = await failureOf(
      saveEpicValue(contextFor(viewer), {
        issueKey: 'PAY-1',
        baseRevision: shown.revision,
        value: {},
        overwriteUnreadable: { fingerprint: shown.fingerprint },
      }),
    );

    expect(shown.canEdit).toBe(false);
    expect(error.code).toBe('FORBIDDEN');
    expect(jira.rawValueOf('PAY-1')).toBe(OVER_LIMIT_RECORD);
  });

  it('is not overwritten when it can be read after all', async () => {
    const { jira, contextFor } = await site();
    await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });

    const error = await failureOf(
      saveEpicValue(contextFor(editor), {
        issueKey: 'PAY-1',
        baseRevision: 1,
        value: {},
        overwriteUnreadable: { fingerprint: '1-abc' },
      }),
    );

    expect(error.code).toBe('CONFLICT');
    expect(jira.writes).toHaveLength(1);
  });
});

describe('saveEpicValue', () => {
  it('stores the record as revision 1 and returns its KPIs computed by the engine', async () => {
    const { jira, contextFor } = await site();

    const view = await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });

    expect(view.revision).toBe(1);
    expect(view.updatedBy).toBe('editor');
    // As of 2026-11: realised 600, actual cost 500 -> ROI (600 - 500) / 500 = 0.2.
    expect(view.kpis.roi).toBeCloseTo(0.2, 10);
    expect(view.kpis.plannedBenefit).toBe(2000);
    expect(jira.writes).toEqual([
      {
        issueId: jira.issues.get('PAY-1')?.id,
        revision: 1,
        index: {
          plannedBenefit: 2000,
          realisedBenefit: 600,
          actualCost: 500,
          roi: 0.2,
          costOfDelay: 3.29,
          successProbability: 0.5,
          objectives: ['OBJ-GROW'],
          evidence: ['verified'],
        },
      },
    ]);
  });

  it('reads back what was saved', async () => {
    const { contextFor } = await site();
    await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });

    const view = await getEpicValue(contextFor(viewer), { issueKey: 'PAY-1' });

    expect(view.revision).toBe(1);
    expect(view.value.benefits[0]?.realised).toEqual([
      {
        month: '2026-10',
        amount: 600,
        evidence: 'verified',
        recordedBy: 'editor',
        verifiedBy: 'editor',
        verifiedAt: '2026-11-15T12:00:00.000Z',
      },
    ]);
  });

  it('names every invalid field under value.… and stores nothing', async () => {
    const { jira, contextFor } = await site();
    const bad = {
      ...value,
      successProbability: 1.5,
      benefits: [
        {
          id: 'b1',
          kind: 'lottery',
          title: '',
          planned: [{ month: '2026-13', amount: -1.001 }],
          realised: [],
        },
      ],
    };

    const error = await failureOf(
      saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value: bad }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fields?.map((field) => field.path)).toEqual(
      expect.arrayContaining([
        'value.successProbability',
        'value.benefits[0].kind',
        'value.benefits[0].title',
        'value.benefits[0].planned[0].month',
        'value.benefits[0].planned[0].amount',
      ]),
    );
    expect(jira.writes).toEqual([]);
  });

  it('refuses a series spanning more than 100 years, naming it, and stores nothing', async () => {
    const { jira, contextFor } = await site();
    const tooLong = {
      ...value,
      costs: {
        planned: [],
        actual: [
          { month: '1990-01', amount: 1 },
          { month: '2100-01', amount: 1 },
        ],
      },
    };

    const error = await failureOf(
      saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value: tooLong }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fields).toEqual([
      {
        path: 'value.costs.actual',
        message: expect.stringMatching(/^spans 1,321 months.*at most 1,200/) as unknown,
      },
    ]);
    expect(jira.writes).toEqual([]);
  });

  it('refuses a link to an unknown objective and a new link to an archived one', async () => {
    const { contextFor } = await site();
    const links = {
      ...value,
      objectives: [
        { id: 'OBJ-NOPE', share: 0.2 },
        { id: 'OBJ-OLD', share: 0.2 },
      ],
    };

    const error = await failureOf(
      saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value: links }),
    );

    expect(error.fields).toEqual([
      { path: 'value.objectives[0].id', message: 'unknown objective "OBJ-NOPE"' },
      { path: 'value.objectives[1].id', message: 'objective OBJ-OLD is archived; pick an active objective' },
    ]);
  });

  it('answers FORBIDDEN to a user without Edit and stores nothing', async () => {
    const { jira, contextFor } = await site();

    const error = await failureOf(
      saveEpicValue(contextFor(viewer), { issueKey: 'PAY-1', baseRevision: 0, value }),
    );

    expect(error.code).toBe('FORBIDDEN');
    expect(jira.writes).toEqual([]);
  });

  it('answers CONFLICT with the current record when the save is based on an old revision', async () => {
    const { contextFor } = await site();
    await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });

    const error = await failureOf(
      saveEpicValue(contextFor(editor), {
        issueKey: 'PAY-1',
        baseRevision: 0,
        value: { ...value, successProbability: 0.9 },
      }),
    );

    expect(error.code).toBe('CONFLICT');
    const { current } = error.details as SaveConflict;
    expect(current.revision).toBe(1);
    expect(current.value.successProbability).toBe(0.5);
  });

  it('lets exactly one of two concurrent saves of the same revision win; the other gets CONFLICT', async () => {
    const { jira, contextFor } = await site();
    const first = saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });
    const second = saveEpicValue(contextFor({ accountId: 'editor-2' }), {
      issueKey: 'PAY-1',
      baseRevision: 0,
      value: { ...value, successProbability: 0.9 },
    });

    const outcomes = await Promise.allSettled([first, second]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((rejected?.reason as AppError).code).toBe('CONFLICT');
    expect(jira.writes).toHaveLength(1);
  });

  it("shows the loser of a race the winner's version, even when the winner is still writing", async () => {
    const { jira, contextFor } = await site();
    let releaseWinner: () => void = () => undefined;
    jira.beforeWrite = () =>
      new Promise<void>((resolve) => {
        releaseWinner = resolve;
      });
    const winner = saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });
    await new Promise((resolve) => setImmediate(resolve));
    jira.beforeWrite = undefined;

    const loser = saveEpicValue(contextFor({ accountId: 'editor-2' }), {
      issueKey: 'PAY-1',
      baseRevision: 0,
      value,
    });
    await new Promise((resolve) => setImmediate(resolve));
    releaseWinner();
    const [won, lost] = await Promise.allSettled([winner, loser]);

    expect(won.status).toBe('fulfilled');
    const error = (lost as PromiseRejectedResult).reason as AppError;
    expect(error.code).toBe('CONFLICT');
    expect((error.details as SaveConflict).current.revision).toBe(1);
  });

  it('answers TOO_LARGE, stores nothing, and frees the revision when Jira would not hold the record', async () => {
    const { jira, contextFor } = await site();
    jira.tooLarge.add('PAY-1');

    const error = await failureOf(
      saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value }),
    );
    jira.tooLarge.clear();
    const retried = await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });

    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/40,000 characters; Jira stores at most 32,768/);
    expect(retried.revision).toBe(1);
  });
});

describe('saveEpicValue under storage failures', () => {
  it('answers UPSTREAM saying nothing changed, and changes nothing, when the history cannot be written', async () => {
    const { jira, store, contextFor } = await site();
    await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });
    const before = structuredClone(jira.issues.get('PAY-1')?.stored);
    store.failingPrefixes = ['history:'];

    const error = await failureOf(
      saveEpicValue(contextFor(editor), {
        issueKey: 'PAY-1',
        baseRevision: 1,
        value: { ...value, successProbability: 0.9 },
      }),
    );
    store.failingPrefixes = [];
    const storedAfter = structuredClone(jira.issues.get('PAY-1')?.stored);
    const history = await getEpicHistory(contextFor(editor), { issueKey: 'PAY-1' });
    const retried = await saveEpicValue(contextFor(editor), {
      issueKey: 'PAY-1',
      baseRevision: 1,
      value: { ...value, successProbability: 0.9 },
    });

    expect(error.code).toBe('UPSTREAM');
    expect(error.message).toMatch(/PAY-1 was not saved: .*history.* Nothing was changed/);
    expect(storedAfter).toEqual(before);
    expect(history.entries.map((entry) => entry.revision)).toEqual([1]);
    // The claim on revision 2 was released: saving again works at once.
    expect(retried.revision).toBe(2);
  });

  it('answers SAVE_INCOMPLETE saying what was saved when the roll-up cannot be filed', async () => {
    const { jira, store, contextFor } = await site();
    store.failingPrefixes = ['rollup:'];

    const error = await failureOf(
      saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value }),
    );
    store.failingPrefixes = [];
    const history = await getEpicHistory(contextFor(editor), { issueKey: 'PAY-1' });

    expect(error.code).toBe('SAVE_INCOMPLETE');
    expect(error.message).toMatch(/saved on the epic and in its history.*totals.*Reload the panel/);
    expect(jira.writes.map((write) => write.revision)).toEqual([1]);
    expect(history.entries.map((entry) => entry.revision)).toEqual([1]);
  });

  it('queues a delayed roll-up refresh that files the totals a SAVE_INCOMPLETE left behind', async () => {
    const { jira, store, contextFor, rollupQueue } = await site();
    store.failingPrefixes = ['rollup:'];
    await failureOf(saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value }));
    store.failingPrefixes = [];
    const filed = () => store.queryPrefix(rollupEpicPrefix({ project: 'PAY' })).then((page) => page.entries);
    const issueId = jira.issues.get('PAY-1')?.id ?? '';
    expect(await filed()).toEqual([]);

    expect(rollupQueue.pushed).toEqual([{ body: { refreshEpic: { issueId } }, delayInSeconds: 60 }]);
    const body = refreshEpicBodySchema.parse(rollupQueue.pushed[0]?.body);
    await onIssueChanged(reconcileContext(jira, store).context, { issueId: body.refreshEpic.issueId });

    expect(await filed()).toHaveLength(1);
  });

  describe('when Jira keeps failing on the property write', () => {
    const jiraDown = () =>
      Promise.reject(new JiraUnavailableError('Jira did not answer (HTTP 503) after 4 attempts.', 503));

    it('completes the save when reading the property back shows the write landed', async () => {
      const { jira, store, contextFor } = await site();
      jira.afterWrite = jiraDown;

      const saved = await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });
      jira.afterWrite = undefined;
      const history = await getEpicHistory(contextFor(editor), { issueKey: 'PAY-1' });
      const filed = await store.queryPrefix(rollupEpicPrefix({ project: 'PAY' }));

      expect(saved.revision).toBe(1);
      expect(history.entries.map((entry) => entry.revision)).toEqual([1]);
      expect(filed.entries).toHaveLength(1);
    });

    it('answers UPSTREAM saying nothing changed, and changes nothing, when reading back shows the old record', async () => {
      const { jira, contextFor } = await site();
      await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });
      const before = structuredClone(jira.issues.get('PAY-1')?.stored);
      jira.beforeWrite = jiraDown;

      const error = await failureOf(
        saveEpicValue(contextFor(editor), {
          issueKey: 'PAY-1',
          baseRevision: 1,
          value: { ...value, successProbability: 0.9 },
        }),
      );
      jira.beforeWrite = undefined;
      const history = await getEpicHistory(contextFor(editor), { issueKey: 'PAY-1' });

      expect(error.code).toBe('UPSTREAM');
      expect(error.message).toMatch(/PAY-1 was not saved: Jira did not answer .* Nothing was changed/);
      expect(jira.issues.get('PAY-1')?.stored).toEqual(before);
      expect(history.entries.map((entry) => entry.revision)).toEqual([1]);
    });

    it('answers SAVE_INCOMPLETE saying the outcome is unknown, and keeps its history entry, when the property cannot be read back', async () => {
      const { jira, contextFor } = await site();
      jira.afterWrite = jiraDown;
      jira.beforeRawRead = jiraDown;

      const error = await failureOf(
        saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value }),
      );
      jira.afterWrite = undefined;
      jira.beforeRawRead = undefined;
      const history = await getEpicHistory(contextFor(editor), { issueKey: 'PAY-1' });

      expect(error.code).toBe('SAVE_INCOMPLETE');
      expect(error.message).toMatch(/could not tell whether PAY-1 was saved.*Reload the panel/);
      // It was saved: the history the reload shows has its entry.
      expect(history.entries.map((entry) => entry.revision)).toEqual([1]);
    });
  });

  it('hides a history entry left above the epic’s revision by a save that failed', async () => {
    const { jira, store, contextFor } = await site();
    await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });
    const issueId = jira.issues.get('PAY-1')?.id ?? '';
    await store.set(`history:epic:${issueId}:000000002`, { revision: 2, at: '', by: 'editor', changes: [] });

    const history = await getEpicHistory(contextFor(editor), { issueKey: 'PAY-1' });

    expect(history.entries.map((entry) => entry.revision)).toEqual([1]);
  });
});

describe('getEpicHistory', () => {
  it('lists who changed what, newest first', async () => {
    const { contextFor } = await site();
    await saveEpicValue(contextFor(editor), { issueKey: 'PAY-1', baseRevision: 0, value });
    await saveEpicValue(contextFor({ accountId: 'editor-2' }), {
      issueKey: 'PAY-1',
      baseRevision: 1,
      value: { ...value, successProbability: 0.75 },
    });

    const page = await getEpicHistory(contextFor(viewer), { issueKey: 'PAY-1' });

    expect(page.entries.map((entry) => [entry.revision, entry.by])).toEqual([
      [2, 'editor-2'],
      [1, 'editor'],
    ]);
    expect(page.entries[0]?.changes).toEqual([{ kind: 'success_probability', before: 0.5, after: 0.75 }]);
    expect(page.nextCursor).toBeNull();
  });

  it('answers NOT_FOUND to a user who may not browse the epic', async () => {
    const { contextFor } = await site();

    const error = await failureOf(getEpicHistory(contextFor(outsider), { issueKey: 'PAY-1' }));

    expect(error.code).toBe('NOT_FOUND');
  });
});
