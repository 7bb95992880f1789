/**
 * Roll-up store benchmark on the local runtime with Forge-like latency (150 ms per Jira call,
 * 30 ms per storage call): the gadget's KPI load from the aggregates versus a naive
 * page-through-JQL computation, measured in the same run, and the full reconcile that builds the
 * aggregates. Value properties are written straight through Jira's REST API (as a script would),
 * not through the app's import, so that a 50,000-epic site is ready in seconds.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  DEMO_ACCOUNT_IDS,
  demoPortfolioDocument,
  openLocalSite,
  type InvocationRecord,
} from '../../local-site';
import { epicIssueOf, EPIC_FIELDS, issueBeanSchema } from '../../src/adapters/jira/jira-issue-schema';
import { encodeValueProperty, VALUE_PROPERTY_KEY } from '../../src/adapters/jira/value-property-codec';
import { recordsOfPage } from '../../src/application/portfolio/collect-scope';
import { liveViewOf } from '../../src/application/portfolio/get-portfolio';
import { DEFAULT_SETTINGS, storedObjectiveSchema } from '../../src/contract/site-config.schema';
import type { EpicRecord } from '../../src/domain/model/portfolio-record';

export interface RollupBenchOptions {
  sizes: readonly number[];
  projects: number;
  jiraLatencyMs: number;
  storageLatencyMs: number;
  asOf: string;
  log: (line: string) => void;
}

interface Load {
  wallMs: number;
  cpuMs: number;
  jiraCalls: number;
  storageCalls: number;
  /** Waves of calls (the invocation record's `sequentialRoundTrips`); naive: search pages + 1. */
  roundTrips: number;
  /** Peak heap growth during the load over a baseline taken after a full GC, in MB. */
  heapMb: number;
  bytes: number;
}

const MB = 1024 * 1024;

/** A full GC, so that a heap baseline holds only live data (`--expose-gc` switched on here, not on the command line). */
const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * Runs `work` and measures how far the process's used heap rose above its level before it (after a
 * full GC, which is not in the times), sampled every 2 ms and at the end. The resolver shares the process with the emulated
 * Jira and storage answering it, so this is the invocation's heap growth including the emulators'
 * share (their answers as JSON text). A rise and fall between two samples inside one synchronous
 * stretch is not seen.
 */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; heapMb: number; wallMs: number; cpuMs: number }> {
  collectGarbage();
  // Let the collector's background threads finish sweeping: their CPU would count as the work's.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 2);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const result = await work();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    sample();
    return { result, heapMb: (peak - base) / MB, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

export interface RollupBenchRow {
  epics: number;
  cold: Load;
  warm: Load;
  naive: Load;
  reconcile: { wallMs: number; steps: number; maxStepMs: number; maxStepCpuMs: number };
  peakRssMb: number;
}

const ADMIN = DEMO_ACCOUNT_IDS.admin;

async function runSize(epics: number, options: RollupBenchOptions): Promise<RollupBenchRow> {
  const site = await openLocalSite({
    dataDir: null,
    seed: 'demo',
    seedSize: { epics, projects: options.projects },
    importValues: false,
    log: () => undefined,
  });
  try {
    const document = demoPortfolioDocument({ epics, projects: options.projects });
    site.storage.set('settings', { ...DEFAULT_SETTINGS, ...document.settings });
    for (const objective of document.objectives) {
      site.storage.set(`objective:${objective.id}`, storedObjectiveSchema.parse(objective));
    }
    const started = performance.now();
    const index = {
      plannedBenefit: 0,
      realisedBenefit: 0,
      actualCost: 0,
      successProbability: 1,
      objectives: [],
      evidence: [],
    };
    for (const epic of document.epics) {
      const body = encodeValueProperty({
        revision: 1,
        updatedAt: '2026-11-01T00:00:00Z',
        updatedBy: ADMIN,
        value: epic.value,
        index,
      });
      const answer = await site.requestJira({
        accountId: ADMIN,
        method: 'PUT',
        path: `/rest/api/3/issue/${epic.key}/properties/${VALUE_PROPERTY_KEY}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (answer.status >= 300)
        throw new Error(`writing ${epic.key}: ${String(answer.status)} ${answer.body}`);
    }
    await site.deliverPendingEvents();
    options.log(
      `  ${String(epics)} epics: values written in ${String(Math.round(performance.now() - started))} ms`,
    );
    site.setFaults({ jiraLatencyMs: options.jiraLatencyMs, storageLatencyMs: options.storageLatencyMs });

    // Full reconcile: builds every aggregate from Jira.
    const steps: InvocationRecord[] = [];
    const unsubscribe = site.onInvocation((record) => {
      if (record.functionKey === 'reconcile-step' || record.functionKey === 'reconcile-start')
        steps.push(record);
    });
    const reconcileStart = performance.now();
    await site.runScheduledTrigger('value-reconcile-schedule');
    const reconcileWall = performance.now() - reconcileStart;
    unsubscribe();
    const failed = steps.find((record) => record.outcome !== 'ok');
    if (failed) throw new Error(`reconcile step failed: ${JSON.stringify(failed.error)}`);
    options.log(
      `  reconcile: ${String(steps.length)} invocations in ${String(Math.round(reconcileWall))} ms`,
    );

    const load = async (): Promise<Load> => {
      site.resetCallStats();
      const before = site.invocations().length;
      const {
        result: answer,
        heapMb,
        wallMs,
      } = await measured(
        async () =>
          (await site.invoke({
            moduleKey: 'value-gadget',
            functionKey: 'gadget/get-portfolio',
            payload: { scope: { kind: 'all' }, asOf: options.asOf },
            accountId: ADMIN,
          })) as { ok: boolean; data?: { portfolio: { epics: number } }; error?: unknown },
      );
      if (!answer.ok || answer.data?.portfolio.epics !== epics)
        throw new Error(`KPI load: ${JSON.stringify(answer.error ?? answer.data?.portfolio)}`);
      const record = site
        .invocations()
        .slice(before)
        .find((r) => r.resolverKey === 'gadget/get-portfolio');
      if (!record) throw new Error('the KPI load left no invocation record');
      const stats = site.callStats();
      return {
        wallMs,
        cpuMs: record.cpuMs,
        jiraCalls: stats.jiraCalls,
        storageCalls: stats.storageCalls,
        roundTrips: record.sequentialRoundTrips,
        heapMb,
        bytes: JSON.stringify(answer).length,
      };
    };
    const cold = await load();
    const warm = await load();
    // What a rolled-up figure cost before the store: page through every epic with JQL, 100 a call.
    site.resetCallStats();
    const settings = { ...DEFAULT_SETTINGS, ...document.settings };
    const { result: naiveRun, ...naiveCost } = await measured(async () => {
      const records: EpicRecord[] = [];
      const unreadable: { key: string; reason: string }[] = [];
      let pageToken: string | undefined;
      let pages = 0;
      do {
        const answer = await site.requestJira({
          accountId: ADMIN,
          method: 'POST',
          path: '/rest/api/3/search/jql',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            jql: 'issuetype = Epic ORDER BY key ASC',
            fields: EPIC_FIELDS,
            properties: [VALUE_PROPERTY_KEY],
            maxResults: 100,
            ...(pageToken ? { nextPageToken: pageToken } : {}),
          }),
        });
        const page = JSON.parse(answer.body) as { issues: unknown[]; nextPageToken?: string };
        const found = recordsOfPage(
          page.issues.map((issue) => epicIssueOf(issueBeanSchema.parse(issue))),
          settings,
        );
        records.push(...found.epics);
        unreadable.push(...found.unreadable);
        pageToken = page.nextPageToken;
        pages += 1;
      } while (pageToken);
      const objectives = document.objectives.map((objective) => storedObjectiveSchema.parse(objective));
      const view = liveViewOf(
        { settings, objectives, epics: records, keysWithRecord: new Set(), revisions: new Map(), unreadable },
        options.asOf,
      );
      return { view, pages };
    });
    const { view, pages } = naiveRun;
    if (view.portfolio.epics !== epics) throw new Error('the naive path missed epics');
    const naive: Load = {
      wallMs: naiveCost.wallMs,
      cpuMs: naiveCost.cpuMs,
      jiraCalls: site.callStats().jiraCalls,
      storageCalls: 2,
      roundTrips: pages + 1,
      heapMb: naiveCost.heapMb,
      bytes: JSON.stringify({ ok: true, data: view }).length,
    };
    return {
      epics,
      cold,
      warm,
      naive,
      reconcile: {
        wallMs: reconcileWall,
        steps: steps.length,
        maxStepMs: Math.max(...steps.map((record) => record.wallMs)),
        maxStepCpuMs: Math.max(...steps.map((record) => record.cpuMs)),
      },
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await site.close();
  }
}

export async function runRollupBench(options: RollupBenchOptions): Promise<RollupBenchRow[]> {
  const rows: RollupBenchRow[] = [];
  for (const epics of options.sizes) {
    options.log(`roll-up bench: ${String(epics)} epics over ${String(options.projects)} projects`);
    rows.push(await runSize(epics, options));
  }
  return rows;
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatRollupBenchTable(rows: readonly RollupBenchRow[], options: RollupBenchOptions): string {
  const lines = [
    `Latency injected: ${String(options.jiraLatencyMs)} ms per Jira call, ${String(options.storageLatencyMs)} ms per storage call; ${String(options.projects)} projects; scope: all, viewer: Jira admin.`,
    '',
    '| epics | path | wall | sequential round trips | Jira calls | storage calls | CPU | heap growth | response | naive / roll-up wall |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const line = (path: string, load: Load, ratio: string) =>
      `| ${row.epics.toLocaleString('en')} | ${path} | ${ms(load.wallMs)} | ${String(load.roundTrips)} | ${String(load.jiraCalls)} | ${String(load.storageCalls)} | ${ms(load.cpuMs)} | ${load.heapMb.toFixed(1)} MB | ${kb(load.bytes)} | ${ratio} |`;
    lines.push(line('roll-up, first load', row.cold, `${(row.naive.wallMs / row.cold.wallMs).toFixed(0)}x`));
    lines.push(
      line('roll-up, cached viewer', row.warm, `${(row.naive.wallMs / row.warm.wallMs).toFixed(0)}x`),
    );
    lines.push(line('naive JQL paging', row.naive, '1x'));
  }
  lines.push(
    '',
    '| epics | full reconcile wall | invocations | slowest invocation | its CPU | whole-process peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const row of rows) {
    lines.push(
      `| ${row.epics.toLocaleString('en')} | ${ms(row.reconcile.wallMs)} | ${String(row.reconcile.steps)} | ${ms(row.reconcile.maxStepMs)} | ${ms(row.reconcile.maxStepCpuMs)} | ${row.peakRssMb.toFixed(0)} MB |`,
    );
  }
  lines.push(
    '',
    'Sequential round trips: waves of Jira and storage calls in the invocation (a call starts a wave when none of the invocation is in flight), from the local runtime; naive: search pages + 1. CPU: process CPU while the invocation ran (emulated Jira and storage included). Heap growth: peak used heap during the load over a post-GC baseline, sampled every 2 ms, emulators answering the calls included. Whole-process peak RSS: the bench process so far (site emulator, all epics in Jira and storage in memory), not one invocation.',
  );
  return lines.join('\n');
}
