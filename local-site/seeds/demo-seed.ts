/**
 * The `demo` and `empty` seeds: a company portfolio made by the project's own generator
 * (scripts/lib/generate-portfolio.ts) — its epics, projects and programmes become the Jira
 * structure, and its value data is what the seed imports through the app.
 */
import type { JiraStore } from 'forge-local';
import type { PortfolioDocument } from '../../src/contract';
import { generatePortfolio } from '../../scripts/lib/generate-portfolio';
import { loadPortfolioIssues, loadProjects, portfolioProjects } from './portfolio-structure';
import { seedDirectory } from './site-directory';

export interface SeedSize {
  epics: number;
  projects: number;
  /** Children per epic (inclusive range); default 2-8, or 0-4 above 2,000 epics to keep big sites lean. */
  childrenPerEpic?: readonly [number, number];
}

export const DEMO_SIZE: SeedSize = { epics: 120, projects: 6 };
export const DEMO_GENERATOR_SEED = 20261123;

export interface SeededSite {
  /** The value data to import through the app, if any. */
  document: PortfolioDocument | null;
  summary: string;
}

export function demoDocument(size: SeedSize): PortfolioDocument {
  return generatePortfolio({ epics: size.epics, projects: size.projects, seed: DEMO_GENERATOR_SEED });
}

export function seedDemo(store: JiraStore, size: SeedSize): SeededSite {
  const document = demoDocument(size);
  const projects = portfolioProjects(document, size.projects);
  // The team member works in the second delivery project (the first is the programme office's).
  const teamProject = projects[2] ?? projects[1] ?? projects[0];
  if (!teamProject) throw new Error('The demo seed needs at least one project');
  seedDirectory(store, teamProject.id, 'demo');
  loadProjects(store, projects);
  const large = size.epics > 2000;
  const { issues } = loadPortfolioIssues(store, document, {
    childrenPerEpic: size.childrenPerEpic ?? (large ? [0, 4] : [2, 8]),
    subtaskShare: large ? 0.1 : 0.25,
    seed: DEMO_GENERATOR_SEED,
  });
  const links = linkDemoEpics(store, document);
  return {
    document,
    summary: `${String(issues)} issues (${String(document.epics.length)} epics, ${String(links)} "blocks" links) in ${String(projects.length)} projects; team member works in ${teamProject.key}`,
  };
}

/** The most "blocks" links the demo makes: enough to see dependencies in a budget cut. */
const DEMO_BLOCK_LINKS = 8;

/**
 * A few Jira "Blocks" links between in-flight epics of the same project, each epic blocking the
 * next one of its project (in the document’s order), for the budget-cut optimiser to respect. Returns how
 * many were made.
 */
export function linkDemoEpics(store: JiraStore, document: PortfolioDocument): number {
  const byProject = new Map<string, string[]>();
  for (const epic of document.epics) {
    if (epic.status === 'done') continue;
    byProject.set(epic.project, [...(byProject.get(epic.project) ?? []), epic.key]);
  }
  let made = 0;
  for (const keys of byProject.values()) {
    for (let index = 0; index + 1 < keys.length && index < 4 && made < DEMO_BLOCK_LINKS; index += 2) {
      const blocker = store.resolveIssue(keys[index] ?? '');
      const blocked = store.resolveIssue(keys[index + 1] ?? '');
      if (blocker && blocked) {
        store.linkIssues(blocker.id, blocked.id);
        made += 1;
      }
    }
  }
  return made;
}

export function seedEmpty(store: JiraStore, size: SeedSize): SeededSite {
  const projects = portfolioProjects(
    generatePortfolio({ epics: 0, projects: size.projects, seed: DEMO_GENERATOR_SEED }),
    size.projects,
  );
  const teamProject = projects[2] ?? projects[0];
  if (!teamProject) throw new Error('The empty seed needs at least one project');
  seedDirectory(store, teamProject.id, 'empty');
  loadProjects(store, projects);
  return { document: null, summary: `no issues; ${String(projects.length)} projects` };
}
