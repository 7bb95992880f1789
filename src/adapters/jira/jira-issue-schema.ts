import { z } from 'zod';
import type { EpicStatus } from '../../domain/model/epic';
import type { EpicIssue } from '../../application/ports/jira-site';
import { readValueProperty, VALUE_PROPERTY_KEY } from './value-property-codec';

/** The fields every epic read asks Jira for; nothing more, to keep pages small and fast. */
export const EPIC_FIELDS = ['summary', 'status', 'project', 'parent', 'issuetype'];

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
  }),
  properties: z.record(z.string(), z.unknown()).optional(),
});

export type IssueBean = z.infer<typeof issueBeanSchema>;

export function epicIssueOf(bean: IssueBean): EpicIssue {
  return {
    id: bean.id,
    key: bean.key,
    summary: bean.fields.summary,
    status: STATUS_OF_CATEGORY[bean.fields.status?.statusCategory.key ?? 'new'] ?? 'todo',
    projectKey: bean.fields.project.key,
    parentKey: bean.fields.parent?.key ?? null,
    issueTypeId: bean.fields.issuetype.id,
    hierarchyLevel: bean.fields.issuetype.hierarchyLevel,
    stored: readValueProperty(bean.properties?.[VALUE_PROPERTY_KEY]),
  };
}
