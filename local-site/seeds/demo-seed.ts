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
  return {
    document,
    summary: `${String(issues)} issues (${String(document.epics.length)} epics) in ${String(projects.length)} projects; team member works in ${teamProject.key}`,
  };
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
