import { z } from 'zod';
import type { EpicStatus } from '../../domain/model/epic';
import type { EpicIssue } from '../../application/ports/jira-site';
import { readValueProperty, VALUE_PROPERTY_KEY } from './value-property-codec';

/** The fields every epic read asks Jira for; nothing more, to keep pages small and fast. */
export const EPIC_FIELDS = [
  'summary',
  'status',
  'project',
  'parent',
  'issuetype',
  'resolutiondate',
  'statuscategorychangedate',
];

const STATUS_OF_CATEGORY: Record<string, EpicStatus> = {
  new: 'todo',
  indeterminate: 'in_progress',
  done: 'done',
};

/** Jira's IssueBean, reduced to what the app reads; Jira sends much more, which is ignored. */
export const issueBeanSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string().default(''),
    status: z.object({ statusCategory: z.object({ key: z.string() }) }).optional(),
    project: z.object({ key: z.string() }),
    parent: z.object({ key: z.string() }).nullish(),
    issuetype: z.object({ id: z.string(), hierarchyLevel: z.number().int().default(0) }),
    resolutiondate: z.string().nullish(),
    statuscategorychangedate: z.string().nullish(),
  }),
  properties: z.record(z.string(), z.unknown()).optional(),
});

export type IssueBean = z.infer<typeof issueBeanSchema>;

/** A Jira timestamp (`2024-12-13T22:37:03.864+0200`) as an ISO instant in UTC; null when unreadable. */
export function instantOfJiraTimestamp(text: string | null | undefined): string | null {
  if (text == null) return null;
  // Jira writes the offset without a colon; ISO 8601 (and every JS engine) reads it with one.
  const iso = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * When the epic became Done: Jira's resolution date, or, on workflows that set no resolution, when
 * its status category last changed (to Done). Null while it is not Done.
 */
function doneAtOf(bean: IssueBean, status: EpicStatus): string | null {
  if (status !== 'done') return null;
  return (
    instantOfJiraTimestamp(bean.fields.resolutiondate) ??
    instantOfJiraTimestamp(bean.fields.statuscategorychangedate)
  );
}

export function epicIssueOf(bean: IssueBean): EpicIssue {
  const status = STATUS_OF_CATEGORY[bean.fields.status?.statusCategory.key ?? 'new'] ?? 'todo';
  return {
    id: bean.id,
    key: bean.key,
    summary: bean.fields.summary,
    status,
    doneAt: doneAtOf(bean, status),
    projectKey: bean.fields.project.key,
    parentKey: bean.fields.parent?.key ?? null,
    issueTypeId: bean.fields.issuetype.id,
    hierarchyLevel: bean.fields.issuetype.hierarchyLevel,
    stored: readValueProperty(bean.properties?.[VALUE_PROPERTY_KEY]),
  };
}
