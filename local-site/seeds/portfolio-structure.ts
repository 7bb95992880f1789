/**
 * Builds the Jira side of a generated portfolio: one project per project key, a "Programmes"
 * project holding the Initiatives (hierarchy level 2) the epics belong to, the epics with the keys,
 * summaries and statuses of the portfolio document, and under each epic a believable set of
 * stories, tasks and bugs, some with sub-tasks. Everything is bulk-loaded straight into the store,
 * so a 50,000-epic site seeds in seconds rather than through 50,000 REST calls.
 */
import {
  ISSUE_TYPE_IDS,
  jiraTimestamp,
  Prng,
  STATUS_IDS,
  type JiraProject,
  type JiraStore,
  type StoredIssue,
} from 'forge-local';
import type { PortfolioDocument } from '../../src/contract';
import { colleagueIds, DEMO_ACCOUNT_IDS } from './site-directory';

export interface StructureOptions {
  /** Children (stories, tasks, bugs) per epic, inclusive range. */
  childrenPerEpic: readonly [number, number];
  /** Share of children that get 1-3 sub-tasks. */
  subtaskShare: number;
  seed: number;
}

/** Fixed "now" of the seeded data, so the same options always give the same site. */
const SEEDED_AT = Date.parse('2026-11-23T09:00:00.000Z');
const DAY = 86_400_000;

export const PROGRAMME_PROJECT_KEY = 'PRG';

const PROJECT_NAMES: Record<string, string> = {
  PAY: 'Payments',
  CHK: 'Checkout',
  CRM: 'Customer Relationship',
  OPS: 'Operations',
  FIN: 'Finance Systems',
  MOB: 'Mobile App',
  WEB: 'Web Storefront',
  DATA: 'Data Platform',
  SEC: 'Security',
  INF: 'Infrastructure',
  LOG: 'Logistics',
  MKT: 'Marketing Technology',
  SUP: 'Customer Support',
  ERP: 'ERP',
  HR: 'People Systems',
  APP: 'App Platform',
  API: 'Public API',
  BI: 'Business Intelligence',
  CX: 'Customer Experience',
  DEV: 'Developer Experience',
  GRC: 'Governance, Risk & Compliance',
  IAM: 'Identity & Access',
  LEG: 'Legal Technology',
  PRC: 'Procurement',
  RSK: 'Risk Engine',
  TAX: 'Tax Engine',
};

const PROGRAMME_NAMES = [
  'Checkout modernisation',
  'Expansion into the DACH market',
  'Cloud cost reduction',
  'Mobile-first customer journey',
  'Data-driven personalisation',
  'Regulatory readiness (PSD3)',
  'Customer self-service',
  'Platform reliability',
  'Finance automation',
  'Zero-trust security',
];

const STORY_ACTIONS = [
  'see my order history',
  'save a payment method',
  'export a report',
  'reset my password',
  'track a delivery',
  'compare plans',
  'update my address',
  'download an invoice',
];
const PERSONAS = [
  'customer',
  'support agent',
  'finance analyst',
  'store manager',
  'partner',
  'administrator',
];
const TASK_TEXTS = [
  'Set up monitoring dashboards',
  'Write the migration script',
  'Load-test the new endpoint',
  'Update the runbook',
  'Add feature flag',
  'Clean up legacy config',
  'Document the API',
  'Review access rights',
];
const BUG_TEXTS = [
  'Totals round wrongly for some currencies',
  'Timeout on large exports',
  'Button hidden on small screens',
  'Duplicate emails after retry',
  'Wrong timezone in reports',
  'Search ignores accents',
];
const SUBTASK_TEXTS = [
  'Write unit tests',
  'Code review',
  'Update documentation',
  'QA sign-off',
  'Accessibility check',
];

export function projectName(key: string): string {
  const base = key.replace(/\d+$/, '');
  const round = key.slice(base.length);
  const name = PROJECT_NAMES[base] ?? base;
  return round === '' ? name : `${name} ${round}`;
}

/** Project ids in creation order, starting at 10000 as in Jira Cloud. */
export function makeProject(
  index: number,
  key: string,
  name: string,
  leadAccountId: string | null,
): JiraProject {
  return {
    id: String(10000 + index),
    key,
    name,
    projectTypeKey: 'software',
    simplified: false,
    leadAccountId,
    description: `${name} delivery team`,
    nextIssueNumber: 1,
  };
}

/** The projects of a portfolio document, in order of first appearance, plus the programme project. */
export function portfolioProjects(document: PortfolioDocument, projectCount: number): JiraProject[] {
  const keys: string[] = [];
  for (const epic of document.epics) if (!keys.includes(epic.project)) keys.push(epic.project);
  const colleagues = colleagueIds();
  const projects = keys.map((key, i) =>
    makeProject(i + 1, key, projectName(key), colleagues[i % colleagues.length] ?? null),
  );
  // An empty portfolio still gets its projects (the `empty` seed), named as the generator would.
  for (let i = projects.length; i < projectCount; i++) {
    const key = generatorProjectKey(i);
    projects.push(makeProject(i + 1, key, projectName(key), colleagues[i % colleagues.length] ?? null));
  }
  projects.unshift(makeProject(0, PROGRAMME_PROJECT_KEY, 'Programmes', DEMO_ACCOUNT_IDS.portfolio));
  return projects;
}

function generatorProjectKey(index: number): string {
  const keys = Object.keys(PROJECT_NAMES);
  const base = keys[index % keys.length] ?? 'PRJ';
  const round = Math.floor(index / keys.length);
  return round === 0 ? base : `${base}${String(round + 1)}`;
}

export function loadProjects(store: JiraStore, projects: readonly JiraProject[]): void {
  for (const project of projects) store.projects.put(project.id, project);
}

/** Bulk-loads programmes, epics and their children for `document` into projects already stored. */
export function loadPortfolioIssues(
  store: JiraStore,
  document: PortfolioDocument,
  options: StructureOptions,
): { issues: number } {
  const random = new Prng(options.seed);
  const projectsByKey = new Map([...store.projects.values()].map((p) => [p.key, p]));
  const nextNumber = new Map<string, number>();
  const issues: StoredIssue[] = [];
  let nextId = store.siteInfo().nextIssueId;
  const people = [...colleagueIds(), DEMO_ACCOUNT_IDS.team, DEMO_ACCOUNT_IDS.portfolio];

  const add = (
    issue: Omit<StoredIssue, 'id' | 'properties' | 'statusCategoryChangeDate' | 'resolutionDate'>,
  ): StoredIssue => {
    const stored: StoredIssue = {
      ...issue,
      id: String(nextId++),
      statusCategoryChangeDate: issue.updated,
      resolutionDate: issue.statusId === STATUS_IDS.done ? issue.updated : null,
      properties: {},
    };
    issues.push(stored);
    return stored;
  };
  const keyIn = (projectKey: string): string => {
    const number = nextNumber.get(projectKey) ?? 1;
    nextNumber.set(projectKey, number + 1);
    return `${projectKey}-${String(number)}`;
  };
  const timestamps = (earliest: number): { created: string; updated: string } => {
    const created = Math.min(earliest, SEEDED_AT - DAY);
    const updated = Math.min(SEEDED_AT, created + random.int(1, 120) * DAY);
    return { created: jiraTimestamp(new Date(created)), updated: jiraTimestamp(new Date(updated)) };
  };

  // Programmes: the parent issues the document's epics name.
  const programmeProject = projectsByKey.get(PROGRAMME_PROJECT_KEY);
  const programmeIds = new Map<string, string>();
  const programmeKeys = [
    ...new Set(document.epics.map((e) => e.programme).filter((p): p is string => p !== null)),
  ].sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
  if (programmeProject) {
    for (const key of programmeKeys) {
      const number = Number(key.split('-')[1]);
      nextNumber.set(PROGRAMME_PROJECT_KEY, Math.max(nextNumber.get(PROGRAMME_PROJECT_KEY) ?? 1, number + 1));
      const issue = add({
        key,
        projectId: programmeProject.id,
        issueTypeId: ISSUE_TYPE_IDS.initiative,
        statusId: STATUS_IDS.inProgress,
        summary: PROGRAMME_NAMES[(number - 1) % PROGRAMME_NAMES.length] ?? key,
        description: 'A programme of epics delivered across teams, tracked by the portfolio office.',
        parentId: null,
        priorityId: '2',
        labels: ['programme'],
        assigneeId: DEMO_ACCOUNT_IDS.portfolio,
        reporterId: DEMO_ACCOUNT_IDS.portfolio,
        creatorId: DEMO_ACCOUNT_IDS.portfolio,
        ...timestamps(Date.parse('2025-10-01T09:00:00.000Z') + random.int(0, 40) * DAY),
      });
      programmeIds.set(key, issue.id);
    }
  }

  // Epics keep the document's keys; their numbers come first in each project.
  const epics: { issue: StoredIssue; status: string }[] = [];
  for (const epic of document.epics) {
    const project = projectsByKey.get(epic.project);
    if (!project) throw new Error(`Portfolio epic ${epic.key} names unknown project ${epic.project}`);
    const number = Number(epic.key.slice(epic.key.lastIndexOf('-') + 1));
    nextNumber.set(epic.project, Math.max(nextNumber.get(epic.project) ?? 1, number + 1));
    const firstMonth = epic.value.costs.planned[0]?.month ?? '2026-01';
    const statusId =
      epic.status === 'done'
        ? STATUS_IDS.done
        : epic.status === 'in_progress'
          ? STATUS_IDS.inProgress
          : STATUS_IDS.todo;
    const owner = random.pick(people);
    const issue = add({
      key: epic.key,
      projectId: project.id,
      issueTypeId: ISSUE_TYPE_IDS.epic,
      statusId,
      summary: epic.summary,
      description: `${epic.summary}. Owned by the ${project.name} team.`,
      parentId: epic.programme === null ? null : (programmeIds.get(epic.programme) ?? null),
      priorityId: random.pick(['2', '3', '3', '4']),
      labels: [],
      assigneeId: owner,
      reporterId: DEMO_ACCOUNT_IDS.portfolio,
      creatorId: DEMO_ACCOUNT_IDS.portfolio,
      ...timestamps(Date.parse(`${firstMonth}-01T09:00:00.000Z`) - random.int(3, 30) * DAY),
    });
    epics.push({ issue, status: epic.status });
  }

  // Children after every epic of the project, so keys never collide with the document's.
  for (const { issue: epic, status } of epics) {
    const project = store.projectById(epic.projectId);
    if (!project) continue;
    const count = random.int(options.childrenPerEpic[0], options.childrenPerEpic[1]);
    for (let c = 0; c < count; c++) {
      const typeId = random.weighted(
        [ISSUE_TYPE_IDS.story, ISSUE_TYPE_IDS.task, ISSUE_TYPE_IDS.bug],
        [5, 3, 2],
      );
      const statusId = childStatus(random, status);
      const created = Date.parse(epic.created.replace('+0000', 'Z')) + random.int(1, 30) * DAY;
      const child = add({
        key: keyIn(project.key),
        projectId: project.id,
        issueTypeId: typeId,
        statusId,
        summary: childSummary(random, typeId),
        description: null,
        parentId: epic.id,
        priorityId: random.pick(['2', '3', '3', '3', '4']),
        labels: [],
        assigneeId: random.chance(0.8) ? random.pick(people) : null,
        reporterId: random.pick(people),
        creatorId: random.pick(people),
        ...timestamps(created),
      });
      if (typeId === ISSUE_TYPE_IDS.bug || !random.chance(options.subtaskShare)) continue;
      const subtasks = random.int(1, 3);
      for (let s = 0; s < subtasks; s++) {
        add({
          key: keyIn(project.key),
          projectId: project.id,
          issueTypeId: ISSUE_TYPE_IDS.subtask,
          statusId: statusId === STATUS_IDS.done ? STATUS_IDS.done : childStatus(random, 'in_progress'),
          summary: SUBTASK_TEXTS[s % SUBTASK_TEXTS.length] ?? 'Sub-task',
          description: null,
          parentId: child.id,
          priorityId: '3',
          labels: [],
          assigneeId: child.assigneeId,
          reporterId: child.reporterId,
          creatorId: child.reporterId,
          created: child.created,
          updated: child.updated,
        });
      }
    }
  }

  store.bulkLoadIssues(issues);
  for (const project of store.projects.values()) {
    const next = nextNumber.get(project.key);
    if (next !== undefined) store.projects.put(project.id, { ...project, nextIssueNumber: next });
  }
  store.putSiteInfo({ ...store.siteInfo(), nextIssueId: nextId });
  return { issues: issues.length };
}

function childStatus(random: Prng, epicStatus: string): string {
  if (epicStatus === 'done') return STATUS_IDS.done;
  if (epicStatus === 'todo') return random.chance(0.9) ? STATUS_IDS.todo : STATUS_IDS.inProgress;
  return random.weighted(
    [STATUS_IDS.todo, STATUS_IDS.inProgress, STATUS_IDS.inReview, STATUS_IDS.done],
    [3, 3, 1, 3],
  );
}

function childSummary(random: Prng, typeId: string): string {
  if (typeId === ISSUE_TYPE_IDS.story)
    return `As a ${random.pick(PERSONAS)}, I can ${random.pick(STORY_ACTIONS)}`;
  if (typeId === ISSUE_TYPE_IDS.task) return random.pick(TASK_TEXTS);
  return random.pick(BUG_TEXTS);
}
