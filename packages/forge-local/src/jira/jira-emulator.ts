/**
 * The Jira Cloud REST API as this app meets it: routes, OAuth scope checks against the manifest's
 * `permissions.scopes`, permissions, and Jira's status codes and error bodies. Every call is made by
 * the app (its back end through `@forge/api`, or its Custom UI through the bridge's `requestJira`),
 * so every call needs the scope Jira requires for it.
 */
import { addComment, getComments, serverInfo } from './rest/comment-endpoints';
import type { IndexedPropertyValue } from '../app/app-manifest';
import type { AppFields } from './app-fields';
import type { RenderContext } from './issue-renderer';
import { IssueWriter, type ProductEvent } from './issue-writer';
import type { JiraStore } from './jira-store';
import { updateFieldValue, updateMultipleValues } from './rest/app-field-endpoints';
import { PermissionModel } from './permissions';
import type { EndpointContext } from './rest/endpoint-context';
import { bulkFetch, createIssue, deleteIssue, editIssue, getIssue } from './rest/issue-endpoints';
import { BadRequestBody, errorResponse } from './rest/jira-errors';
import { customFieldIds, fields, getProject, issueTypes, projectSearch } from './rest/metadata-endpoints';
import { checkPermissions, myPermissions } from './rest/permission-endpoints';
import { deleteProperty, getProperty, listProperties, setProperty } from './rest/property-endpoints';
import type { JiraRequest, JiraResponse, RouteParams } from './rest/rest-types';
import {
  approximateCount,
  removedSearch,
  SearchCache,
  searchJqlGet,
  searchJqlPost,
} from './rest/search-endpoints';
import { bulkUsers, findUsers, getUser, myself } from './rest/user-endpoints';
import { bulkGetGroups, findGroups, getUserGroups } from './rest/group-endpoints';

type Scope = 'read:jira-work' | 'write:jira-work' | 'read:jira-user' | null;

interface Route {
  method: string;
  /** The OpenAPI path template, also the key of the call statistics. */
  template: string;
  pattern: RegExp;
  paramNames: string[];
  scope: Scope;
  handle: (request: JiraRequest, params: RouteParams) => JiraResponse;
}

export interface JiraEmulatorOptions {
  store: JiraStore;
  render: RenderContext;
  indexedProperties: readonly IndexedPropertyValue[];
  appFields: AppFields;
  grantedScopes: ReadonlySet<string>;
  onEvent: (event: ProductEvent) => void;
}

export class JiraEmulator {
  readonly permissions: PermissionModel;
  readonly writer: IssueWriter;
  readonly context: EndpointContext;
  private readonly routes: Route[];
  private readonly grantedScopes: ReadonlySet<string>;

  constructor(options: JiraEmulatorOptions) {
    this.permissions = new PermissionModel(options.store);
    this.writer = new IssueWriter(options.render, options.onEvent);
    this.grantedScopes = options.grantedScopes;
    this.context = {
      store: options.store,
      permissions: this.permissions,
      writer: this.writer,
      render: options.render,
      indexedProperties: options.indexedProperties,
      appFields: options.appFields,
      customFieldExists: (idOrKey) => customFieldIds(this.context).includes(idOrKey),
    };
    const ctx = this.context;
    const cache = new SearchCache();
    const route = (method: string, template: string, scope: Scope, handle: Route['handle']): Route => {
      const paramNames: string[] = [];
      const source = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
        paramNames.push(name);
        return '([^/]+)';
      });
      return { method, template, pattern: new RegExp(`^${source}/?$`), paramNames, scope, handle };
    };
    const read = 'read:jira-work';
    const write = 'write:jira-work';
    this.routes = [
      route('GET', '/rest/api/3/search/jql', read, (r) => searchJqlGet(ctx, cache, r)),
      route('POST', '/rest/api/3/search/jql', read, (r) => searchJqlPost(ctx, cache, r)),
      route('POST', '/rest/api/3/search/approximate-count', read, (r) => approximateCount(ctx, cache, r)),
      route('GET', '/rest/api/3/search', read, () => removedSearch()),
      route('POST', '/rest/api/3/search', read, () => removedSearch()),
      route('POST', '/rest/api/3/issue/bulkfetch', read, (r) => bulkFetch(ctx, r)),
      route('POST', '/rest/api/3/issue', write, (r) => createIssue(ctx, r)),
      route('GET', '/rest/api/3/issue/{issueIdOrKey}/properties', read, (r, p) => listProperties(ctx, r, p)),
      route('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', read, (r, p) =>
        getProperty(ctx, r, p),
      ),
      route('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', write, (r, p) =>
        setProperty(ctx, r, p),
      ),
      route('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', write, (r, p) =>
        deleteProperty(ctx, r, p),
      ),
      route('GET', '/rest/api/3/issue/{issueIdOrKey}/comment', read, (r, p) => getComments(ctx, r, p)),
      route('POST', '/rest/api/3/issue/{issueIdOrKey}/comment', write, (r, p) => addComment(ctx, r, p)),
      route('GET', '/rest/api/3/serverInfo', null, () => serverInfo(ctx)),
      route('GET', '/rest/api/3/issue/{issueIdOrKey}', read, (r, p) => getIssue(ctx, r, p)),
      route('PUT', '/rest/api/3/issue/{issueIdOrKey}', write, (r, p) => editIssue(ctx, r, p)),
      route('DELETE', '/rest/api/3/issue/{issueIdOrKey}', write, (r, p) => deleteIssue(ctx, r, p)),
      route('GET', '/rest/api/3/mypermissions', read, (r) => myPermissions(ctx, r)),
      route('POST', '/rest/api/3/permissions/check', null, (r) => checkPermissions(ctx, r)),
      route('GET', '/rest/api/3/myself', 'read:jira-user', (r) => myself(ctx, r)),
      route('GET', '/rest/api/3/user', 'read:jira-user', (r) => getUser(ctx, r)),
      route('GET', '/rest/api/3/user/bulk', 'read:jira-user', (r) => bulkUsers(ctx, r)),
      route('GET', '/rest/api/3/user/search', 'read:jira-user', (r) => findUsers(ctx, r)),
      route('GET', '/rest/api/3/user/groups', 'read:jira-user', (r) => getUserGroups(ctx, r)),
      route('GET', '/rest/api/3/groups/picker', 'read:jira-user', (r) => findGroups(ctx, r)),
      route('GET', '/rest/api/3/group/bulk', 'read:jira-user', (r) => bulkGetGroups(ctx, r)),
      route('GET', '/rest/api/3/issuetype', read, (r) => issueTypes(ctx, r)),
      route('GET', '/rest/api/3/field', read, () => fields(ctx)),
      // Classic scopes: none; the granular `write:app-data:jira` is optional for now (OpenAPI spec).
      route('POST', '/rest/api/3/app/field/value', null, (r) => updateMultipleValues(ctx, r)),
      route('PUT', '/rest/api/3/app/field/{fieldIdOrKey}/value', null, (r, p) => updateFieldValue(ctx, r, p)),
      route('GET', '/rest/api/3/project/search', read, (r) => projectSearch(ctx, r)),
      route('GET', '/rest/api/3/project/{projectIdOrKey}', read, (r, p) => getProject(ctx, r, p)),
    ];
  }

  /** The OpenAPI path template a call hits (`METHOD /rest/api/3/issue/{issueIdOrKey}`), for statistics. */
  endpointOf(method: string, path: string): string {
    const match = this.match(method.toUpperCase(), path);
    return `${method.toUpperCase()} ${match?.route.template ?? path}`;
  }

  handle(request: JiraRequest): JiraResponse {
    const method = request.method.toUpperCase();
    const match = this.match(method, request.path);
    if (!match) {
      const pathExists = this.routes.some((r) => r.pattern.test(request.path));
      return pathExists
        ? errorResponse(405, [`Method ${method} is not allowed for ${request.path}.`])
        : errorResponse(404, [
            `The local Jira emulator does not implement ${method} ${request.path} (the forge-local README lists the endpoints it serves).`,
          ]);
    }
    const { route, params } = match;
    if (route.scope !== null && !this.grantedScopes.has(route.scope)) {
      // What Jira answers an OAuth/Forge call whose token lacks the operation's scope.
      return { status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } };
    }
    try {
      return route.handle({ ...request, method }, params);
    } catch (error) {
      if (error instanceof BadRequestBody) return errorResponse(400, [error.message]);
      throw error;
    }
  }

  private match(method: string, path: string): { route: Route; params: RouteParams } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: RouteParams = {};
      route.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
      return { route, params };
    }
    return null;
  }
}
