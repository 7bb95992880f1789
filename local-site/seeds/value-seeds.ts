/**
 * Value Layer's seeds, as the runtime's seed hook takes them: `demo` (a generated company
 * portfolio), `appcelerator` (the 134 real Appcelerator epics) and `empty` (users and projects
 * only). Each writes its Jira data straight into the store; the value data of `demo` and
 * `appcelerator` then goes in through the app's own admin import (value-import.ts).
 */
import type { JiraStore, SeedAppContext, SiteSeed } from 'forge-local';
import type { PortfolioDocument } from '../../src/contract';
import { appceleratorDocument, appceleratorSourceProblem, seedAppcelerator } from './appcelerator-seed';
import { DEMO_SIZE, demoDocument, seedDemo, seedEmpty, type SeededSite, type SeedSize } from './demo-seed';
import { DEMO_ACCOUNT_IDS, DEMO_USERS } from './site-directory';
import { importValueData } from './value-import';

export const SEED_NAMES = ['demo', 'appcelerator', 'empty'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export interface ValueSeedOptions {
  /** Size of the generated portfolio (`demo` and `empty`); default 120 epics over 6 projects. */
  size?: SeedSize;
  /** The folder the seeds read their source beside (`../shared/reference` for `appcelerator`). */
  repoRoot: string;
}

/**
 * Throws, naming the problem, when the seed cannot be built (a size it cannot make, a source file
 * that is missing), so that a reset can refuse before it wipes the site.
 */
export function checkSeedSource(name: SeedName, options: ValueSeedOptions): void {
  const size = options.size ?? DEMO_SIZE;
  if (
    !Number.isInteger(size.epics) ||
    size.epics < 0 ||
    !Number.isInteger(size.projects) ||
    size.projects < 1
  ) {
    throw new Error(
      `seedSize needs whole numbers: epics >= 0 and projects >= 1; got ${JSON.stringify(size)}`,
    );
  }
  if (name === 'appcelerator') {
    const problem = appceleratorSourceProblem(options.repoRoot);
    if (problem !== null) throw new Error(problem);
  }
}

/** Writes the seed's Jira data; returns the value data to import through the app, if any. */
export function seedSite(store: JiraStore, name: SeedName, options: ValueSeedOptions): SeededSite {
  checkSeedSource(name, options);
  const size = options.size ?? DEMO_SIZE;
  switch (name) {
    case 'demo':
      return seedDemo(store, size);
    case 'empty':
      return seedEmpty(store, size);
    case 'appcelerator':
      return seedAppcelerator(store, options.repoRoot);
  }
}

/** What the site keeps about its seed, to rebuild the value data on a later start. */
interface SeedMemo {
  size: { epics: number; projects: number };
}

function isSeedMemo(memo: unknown): memo is SeedMemo {
  const size = (memo as { size?: { epics?: unknown; projects?: unknown } } | null)?.size;
  return typeof size?.epics === 'number' && typeof size.projects === 'number';
}

/** The seed `name` as the runtime takes it. */
export function valueSeed(name: SeedName, options: ValueSeedOptions): SiteSeed {
  // The value data made while seeding, kept for `seedApp` of the same start.
  let seededDocument: PortfolioDocument | null = null;
  const documentFor = (context: SeedAppContext): PortfolioDocument | null => {
    if (seededDocument) return seededDocument;
    // A later start: the generator makes the same data again from the size the site was seeded with.
    if (name === 'demo') return demoDocument(isSeedMemo(context.memo) ? context.memo.size : DEMO_SIZE);
    if (name === 'appcelerator') return appceleratorDocument(context.jira);
    return null;
  };
  const size = options.size ?? DEMO_SIZE;
  return {
    name,
    users: DEMO_USERS,
    check: () => {
      checkSeedSource(name, options);
    },
    seedJira(store) {
      const seeded = seedSite(store, name, options);
      seededDocument = seeded.document;
      return {
        summary: seeded.summary,
        appDataPending: seeded.document !== null,
        memo: { size: { epics: size.epics, projects: size.projects } } satisfies SeedMemo,
      };
    },
    async seedApp(context) {
      const document = documentFor(context);
      if (!document) return 'imported';
      return importValueData(context.invoke, document, DEMO_ACCOUNT_IDS.admin, context.log);
    },
  };
}

/** Every seed of the app, the default (`demo`) first, for the start command. */
export function valueSeeds(options: ValueSeedOptions): SiteSeed[] {
  return SEED_NAMES.map((name) => valueSeed(name, options));
}
