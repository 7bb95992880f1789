import { JiraOpenApiContract } from 'forge-local';
import type { JiraExchange, LocalSiteRuntime } from '../../local-site';
import type {
  AuditEntry,
  AuditPage,
  ImportStaged,
  ObjectiveList,
  SettingsView,
} from '../../src/contract/admin.contract';
import { ADMIN as ADMIN_KEYS } from '../../src/contract/admin.contract';
import { ADMIN, call, openDemoSite, TEAM, type Envelope } from './local-site';

/**
 * Every admin resolver key, called as the admin page would on the local runtime: each change
 * that succeeds writes exactly one audit entry, and each refused call writes none and changes
 * nothing.
 */
describe('the admin audit log on the local runtime', () => {
  let site: LocalSiteRuntime;
  const exchanges: JiraExchange[] = [];

  beforeAll(async () => {
    site = await openDemoSite();
    site.onJiraExchange((exchange) => exchanges.push(exchange));
  });

  afterAll(async () => {
    await site.close();
  });

  const admin = <T>(key: string, payload: unknown = {}) => call<T>(site, ADMIN, key, payload);

  async function newestEntries(): Promise<AuditEntry[]> {
    const page = await admin<AuditPage>(ADMIN_KEYS.getAuditLog);
    if (!page.ok) throw new Error(`the audit log could not be read: ${JSON.stringify(page.error)}`);
    return page.data?.entries ?? [];
  }

  /** Runs `act` and answers the audit entries it added (newest first) and its last answer. */
  async function auditedBy(act: () => Promise<Envelope>): Promise<{ added: AuditEntry[]; answer: Envelope }> {
    const before = await newestEntries();
    const answer = await act();
    const after = await newestEntries();
    const marker = JSON.stringify(before[0]);
    const index = after.findIndex((entry) => JSON.stringify(entry) === marker);
    return { added: before.length === 0 ? after : after.slice(0, index), answer };
  }

  /** What the admin page shows of objectives and settings, to prove a refusal changed nothing. */
  async function configuration(): Promise<string> {
    const [settings, objectives] = await Promise.all([
      admin<SettingsView>(ADMIN_KEYS.getSettings),
      admin<ObjectiveList>(ADMIN_KEYS.listObjectives),
    ]);
    return JSON.stringify([settings.data?.settings, objectives.data?.objectives]);
  }

  async function stage(document: unknown): Promise<string> {
    const staged = await admin<ImportStaged>(ADMIN_KEYS.stageImport, {
      part: 0,
      parts: 1,
      chunk: JSON.stringify(document),
    });
    if (staged.data === undefined) throw new Error(`staging failed: ${JSON.stringify(staged.error)}`);
    return staged.data.importId;
  }

  async function applyAll(importId: string): Promise<Envelope> {
    let answer: Envelope = { ok: false };
    for (let step = 0; step < 50; step++) {
      answer = await admin<{ done: boolean }>(ADMIN_KEYS.applyImport, { importId });
      if (!answer.ok || (answer.data as { done: boolean }).done) break;
    }
    return answer;
  }

  const anObjective = (overrides: Record<string, unknown> = {}) => ({
    id: 'OBJ-AUDIT',
    name: 'Audited objective',
    status: 'active',
    weight: 3,
    ownerAccountId: ADMIN,
    target: { measure: 'Revenue', amount: 1000, date: '2027-12-31' },
    ...overrides,
  });

  const aDocument = (discountRate: number) => ({
    format: 'value-layer.portfolio',
    version: 1,
    settings: { currency: 'EUR', discountRate },
    objectives: [{ id: 'OBJ-IMPORTED', name: 'Imported objective', status: 'active', weight: 2 }],
    epics: [],
  });

  /** Each change, in an order that lets the next one find what it needs. */
  const CHANGES: Record<string, { action: RegExp; act: () => Promise<Envelope> }> = {
    [ADMIN_KEYS.saveSettings]: {
      action: /^settings\.updated$/,
      act: async () => {
        const { data } = await admin<SettingsView>(ADMIN_KEYS.getSettings);
        return admin(ADMIN_KEYS.saveSettings, { settings: { ...data?.settings, discountRate: 0.0725 } });
      },
    },
    [ADMIN_KEYS.createObjective]: {
      action: /^objective\.created OBJ-AUDIT$/,
      act: () => admin(ADMIN_KEYS.createObjective, { objective: anObjective() }),
    },
    [ADMIN_KEYS.updateObjective]: {
      action: /^objective\.updated OBJ-AUDIT$/,
      act: () => admin(ADMIN_KEYS.updateObjective, { objective: anObjective({ name: 'Renamed' }) }),
    },
    [ADMIN_KEYS.setObjectiveStatus]: {
      action: /^objective\.archived OBJ-AUDIT$/,
      act: () => admin(ADMIN_KEYS.setObjectiveStatus, { id: 'OBJ-AUDIT', status: 'archived' }),
    },
    [ADMIN_KEYS.deleteObjective]: {
      action: /^objective\.deleted OBJ-AUDIT$/,
      act: () => admin(ADMIN_KEYS.deleteObjective, { id: 'OBJ-AUDIT' }),
    },
    [ADMIN_KEYS.applyImport]: {
      action: /^portfolio\.imported$/,
      act: async () => applyAll(await stage(aDocument(0.0625))),
    },
  };

  /** Calls that change no setting or objective: they read, or only hold an upload until it is applied. */
  const NOT_CHANGES: Record<string, () => Promise<Envelope>> = {
    [ADMIN_KEYS.getSettings]: () => admin(ADMIN_KEYS.getSettings),
    [ADMIN_KEYS.listObjectives]: () => admin(ADMIN_KEYS.listObjectives),
    [ADMIN_KEYS.stageImport]: () =>
      admin(ADMIN_KEYS.stageImport, { part: 0, parts: 1, chunk: JSON.stringify(aDocument(0.05)) }),
    [ADMIN_KEYS.previewImport]: async () =>
      admin(ADMIN_KEYS.previewImport, { importId: await stage(aDocument(0.05)) }),
    [ADMIN_KEYS.exportBackup]: () => admin(ADMIN_KEYS.exportBackup),
    [ADMIN_KEYS.exportBackupPage]: () => admin(ADMIN_KEYS.exportBackupPage),
    [ADMIN_KEYS.getAuditLog]: () => admin(ADMIN_KEYS.getAuditLog),
    [ADMIN_KEYS.findGroups]: () => admin(ADMIN_KEYS.findGroups, { query: 'Fin' }),
  };

  /**
   * Calls each change key refuses: bad fields, things that do not exist, a caller who is not an
   * admin. Each uses its own objective id, so that one wrongly stored cannot mask the next.
   */
  const REFUSALS: [string, string, () => Promise<Envelope>][] = [
    [
      ADMIN_KEYS.saveSettings,
      'thresholds on the wrong side of each other',
      async () => {
        const { data } = await admin<SettingsView>(ADMIN_KEYS.getSettings);
        return admin(ADMIN_KEYS.saveSettings, {
          settings: {
            ...data?.settings,
            kpiTargets: { roi: { green: 0.1, amber: 0.5, higherIsBetter: true } },
          },
        });
      },
    ],
    [
      ADMIN_KEYS.saveSettings,
      'an epic issue type that does not exist',
      async () => {
        const { data } = await admin<SettingsView>(ADMIN_KEYS.getSettings);
        return admin(ADMIN_KEYS.saveSettings, {
          settings: { ...data?.settings, epicIssueTypeIds: ['99999'] },
        });
      },
    ],
    [
      ADMIN_KEYS.saveSettings,
      'a caller who is not a Jira admin',
      () => call(site, TEAM, ADMIN_KEYS.saveSettings, { settings: { currency: 'EUR', discountRate: 0.2 } }),
    ],
    [
      ADMIN_KEYS.createObjective,
      'an owner id with characters no account id has',
      () =>
        admin(ADMIN_KEYS.createObjective, {
          objective: anObjective({ id: 'OBJ-ODD-OWNER', ownerAccountId: 'x/y' }),
        }),
    ],
    [
      ADMIN_KEYS.createObjective,
      'an owner who is not a user of the site',
      () =>
        admin(ADMIN_KEYS.createObjective, {
          objective: anObjective({ id: 'OBJ-NO-OWNER', ownerAccountId: '5b10a2844c20165700ede21g' }),
        }),
    ],
    [
      ADMIN_KEYS.createObjective,
      'a target date that is not a date',
      () =>
        admin(ADMIN_KEYS.createObjective, {
          objective: anObjective({
            id: 'OBJ-BAD-DATE',
            target: { measure: 'Revenue', amount: 1, date: '2026-13-45' },
          }),
        }),
    ],
    [
      ADMIN_KEYS.updateObjective,
      'an objective that does not exist',
      () => admin(ADMIN_KEYS.updateObjective, { objective: anObjective({ id: 'OBJ-NONE' }) }),
    ],
    [
      ADMIN_KEYS.setObjectiveStatus,
      'an objective that does not exist',
      () => admin(ADMIN_KEYS.setObjectiveStatus, { id: 'OBJ-NONE', status: 'archived' }),
    ],
    [
      ADMIN_KEYS.deleteObjective,
      'an objective that does not exist',
      () => admin(ADMIN_KEYS.deleteObjective, { id: 'OBJ-NONE' }),
    ],
    [
      ADMIN_KEYS.applyImport,
      'a document with a bad row',
      async () => applyAll(await stage({ ...aDocument(7), objectives: [] })),
    ],
  ];

  it('knows every admin resolver key as a change or not', () => {
    expect([...Object.keys(CHANGES), ...Object.keys(NOT_CHANGES)].sort()).toEqual(
      Object.values(ADMIN_KEYS).sort(),
    );
  });

  it.each(REFUSALS)('%s writes no audit entry and changes nothing for %s', async (_key, _case, act) => {
    const before = await configuration();

    const { added, answer } = await auditedBy(act);

    expect(answer.ok).toBe(false);
    expect(answer.error?.code).not.toBe('INTERNAL');
    expect(added).toEqual([]);
    expect(await configuration()).toBe(before);
  });

  it('refuses an owner id with characters no account id has, naming ownerAccountId', async () => {
    const answer = await admin(ADMIN_KEYS.createObjective, {
      objective: anObjective({ ownerAccountId: 'x/y' }),
    });

    expect(answer.error?.code).toBe('BAD_REQUEST');
    expect(answer.error?.fields?.map((field) => field.path)).toEqual(['objective.ownerAccountId']);
  });

  it.each(Object.keys(NOT_CHANGES))('%s writes no audit entry', async (key) => {
    const { added, answer } = await auditedBy(() => (NOT_CHANGES[key] as () => Promise<Envelope>)());

    expect(answer.error).toBeUndefined();
    expect(added).toEqual([]);
  });

  it.each(Object.keys(CHANGES))('%s writes exactly one audit entry for its change', async (key) => {
    const change = CHANGES[key] as { action: RegExp; act: () => Promise<Envelope> };

    const { added, answer } = await auditedBy(change.act);

    expect(answer.error).toBeUndefined();
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ by: ADMIN, action: expect.stringMatching(change.action) as unknown });
  });

  it('checks owners and issue types with Jira calls the OpenAPI spec declares', () => {
    const contract = JiraOpenApiContract.load();
    const templates = new Set(exchanges.map((exchange) => `${exchange.method} ${exchange.template}`));

    expect(templates).toContain('GET /rest/api/3/user/bulk');
    expect(templates).toContain('GET /rest/api/3/issuetype');
    expect(exchanges.flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });
});
