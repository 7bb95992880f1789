/** Seeds a fresh site's Jira data with the chosen seed. Value data is applied later, through the app. */
import type { JiraStore } from '../jira/jira-store';
import type { SeedName } from '../site-api';
import { appceleratorSourceProblem, seedAppcelerator } from './appcelerator-seed';
import { DEMO_SIZE, seedDemo, seedEmpty, type SeededSite, type SeedSize } from './demo-seed';

export interface SeedRequest {
  name: SeedName;
  /** Size of the generated portfolio (`demo` and `empty`); default 120 epics over 6 projects. */
  size?: SeedSize;
  repoRoot: string;
}

/**
 * Throws, naming the problem, when the seed cannot be built (a size it cannot make, a source file
 * that is missing), so that a reset can refuse before it wipes the site.
 */
export function checkSeedSource(request: SeedRequest): void {
  const size = request.size ?? DEMO_SIZE;
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
  if (request.name === 'appcelerator') {
    const problem = appceleratorSourceProblem(request.repoRoot);
    if (problem !== null) throw new Error(problem);
  }
}

export function seedSite(store: JiraStore, request: SeedRequest): SeededSite {
  checkSeedSource(request);
  const size = request.size ?? DEMO_SIZE;
  switch (request.name) {
    case 'demo':
      return seedDemo(store, size);
    case 'empty':
      return seedEmpty(store, size);
    case 'appcelerator':
      return seedAppcelerator(store, request.repoRoot);
  }
}
