/**
 * The JSON the host's HTTP endpoints speak. Shared by the server and the shell page (the shell
 * imports these as types only, so nothing here may be a value).
 */
import type { DemoUser } from '../site-api';

export type UiModuleType = 'jira:issuePanel' | 'jira:dashboardGadget' | 'jira:adminPage' | 'jira:globalPage';

/** A Custom UI module from manifest.yml, as the shell needs it to mount an iframe. */
export interface UiModuleInfo {
  key: string;
  type: UiModuleType;
  title: string;
  description?: string;
  /** The manifest `icon` (`resource:<key>;<path>`) as a URL, if the module has one. */
  iconUrl?: string;
  /** URL of the module's `index.html` under `/resources/`. */
  resourceUrl: string;
  /** Gadgets: the edit resource's URL (the same as `resourceUrl` when the manifest reuses it). */
  editResourceUrl?: string;
  /** Issue panels: the issue type names of a `displayConditions.issueType`, if any. */
  issueTypes?: string[];
  /** Gadgets: false means the host emits JIRA_DASHBOARD_GADGET_REFRESH instead of reloading. */
  refreshable: boolean;
}

export interface SiteInfo {
  siteUrl: string;
  cloudId: string;
  appId: string;
  environmentId: string;
  users: DemoUser[];
  modules: UiModuleInfo[];
  defaultDashboardId: string;
}

/** One of the app's `jira:customField` fields on an issue, as the issue view and epic list show it. */
export interface AppFieldValue {
  id: string;
  name: string;
  /** The field's schema type (`number`, `string`, ...). */
  type: string;
  value: unknown;
}

export interface EpicSummary {
  /** The app's custom fields, in the order `GET /rest/api/3/field` lists them. */
  appFields: AppFieldValue[];
  id: string;
  key: string;
  summary: string;
  status: string;
  statusCategory: string;
  projectKey: string;
  projectName: string;
}

export interface EpicList {
  epics: EpicSummary[];
  /** More epics exist than the picker searched (see maxScannedEpics). */
  truncated: boolean;
}

export interface IssueDetails {
  /** The app's custom fields, in the order `GET /rest/api/3/field` lists them. */
  appFields: AppFieldValue[];
  id: string;
  key: string;
  summary: string;
  issueType: { id: string; name: string; hierarchyLevel: number | null };
  status: { name: string; category: string };
  parent: { key: string; summary: string } | null;
  project: { id: string; key: string; name: string; type: string };
}

export interface GadgetInstance {
  id: string;
  moduleKey: string;
  /** null until the gadget's edit view first calls `view.submit`. */
  configuration: Record<string, unknown> | null;
  /**
   * What the gadget's frame is titled: the `title` the app saved in its configuration (a
   * non-blank string), else the module's title in manifest.yml.
   */
  title: string;
}

export interface Dashboard {
  id: string;
  name: string;
  /** Who created the dashboard; the default dashboard belongs to the site's first user (its Jira admin). */
  ownerAccountId: string;
  gadgets: GadgetInstance[];
  /** Whether the user who asked may add, configure and remove its gadgets: its owner or a Jira admin. */
  editable: boolean;
}

/** Every error the host answers with; the same shape Forge gives a failed invocation. */
export interface HostError {
  errorType: string;
  errorMessage: string;
}

/** `POST /api/jira`: a Jira REST call made as the user (the bridge's `requestJira`). */
export interface JiraProxyRequest {
  accountId: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | null;
}
