/** What every REST endpoint works with. */
import type { IndexedPropertyValue } from '../../app/app-manifest';
import type { AppFields } from '../app-fields';
import type { RenderContext } from '../issue-renderer';
import type { Actor, IssueWriter } from '../issue-writer';
import type { JiraStore } from '../jira-store';
import type { PermissionModel } from '../permissions';
import type { JiraRequest } from './rest-types';

export interface EndpointContext {
  store: JiraStore;
  permissions: PermissionModel;
  writer: IssueWriter;
  render: RenderContext;
  indexedProperties: readonly IndexedPropertyValue[];
  /** The app's `jira:customField` fields. */
  appFields: AppFields;
  /** Whether any custom field of this id or key exists on the site (the app's or another's). */
  customFieldExists(idOrKey: string): boolean;
}

export function actorOf(request: JiraRequest): Actor {
  return { accountId: request.caller.accountId, selfGenerated: request.selfGenerated };
}

/** A query parameter given repeatedly and/or comma-separated, as Jira accepts list parameters. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string')
    return value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}
