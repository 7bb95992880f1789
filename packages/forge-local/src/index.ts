/**
 * forge-local: an offline Forge runtime for Jira apps. Everything an app, its start script and its
 * tests use is exported here; nothing outside this package reaches into its folders.
 */

// Start an app: the command line (`runLocalForge`), or a site and the host by hand.
export { runLocalForge, type CustomUiBuild, type LocalForgeOptions } from './cli';
export { DEFAULT_DATA_DIR, openLocalSite, type LocalSiteRuntime, type OpenLocalSiteOptions } from './site';
export { startHost, type HostOptions, type RunningHost } from './host/server';
export { StartError } from './host/start-options';

// What a site offers: resolvers, Jira REST as a user, events, faults, call counts.
export {
  InvokeError,
  type ActionRequest,
  type CallStats,
  type DemoUser,
  type FaultConfig,
  type InvokeRequest,
  type LocalSite,
  type NotificationFeed,
  type OpenSiteOptions,
  type ProductRequest,
  type ProductResponse,
  type SiteNotification,
  type SiteNotifications,
} from './site-api';
export type { InvocationRecord } from './runtime/invocation-log';
export type { JiraExchange } from './runtime/forge-proxy';
export { JiraActionError, type CreateIssueAction, type JiraUserActions } from './jira/user-actions';
export type { StorageSeams } from './storage/storage-seams';

// The seed hook: how an app writes the site it runs on.
export type {
  SeedAppContext,
  SeedAppOutcome,
  SeededJira,
  SeedResolverCall,
  SiteSeed,
} from './seed/site-seed';
export {
  BASIC_ACCOUNT_IDS,
  BASIC_PROJECTS,
  BASIC_USERS,
  basicSeed,
  type BasicIssue,
  type BasicProject,
  type BasicSeedOptions,
} from './seed/basic-seed';
export {
  ADMIN_GLOBAL_PERMISSIONS,
  CONTRIBUTOR_PERMISSIONS,
  DEFAULT_APP_ACCOUNT_ID,
  DEFAULT_CLOUD_ID,
  DEFAULT_SITE_URL,
  EDITOR_PERMISSIONS,
  ISSUE_TYPE_IDS,
  ISSUE_TYPES,
  person,
  PRIORITIES,
  STATUS_IDS,
  STATUSES,
  writeGroup,
  writeSiteIdentity,
  type SiteIdentity,
} from './seed/site-basics';
export { createMemoryJiraStore } from './seed/memory-store';
export type { JiraStore } from './jira/jira-store';
export type {
  JiraGroup,
  JiraIssueType,
  JiraPriority,
  JiraProject,
  JiraStatus,
  JiraUser,
  PermissionGrant,
  StatusCategoryKey,
  StoredIssue,
} from './jira/model';
export { ALL_PROJECT_PERMISSIONS, BROWSE_ONLY } from './jira/permissions';
export { jiraTimestamp } from './jira/issue-writer';
export { Prng } from './util/prng';
export { accountIdFrom, fnv1a } from './util/hash';

// Contract tests: Jira REST calls and answers checked against Atlassian's OpenAPI spec.
export { JIRA_SPEC_FILE, JiraOpenApiContract } from './contract/jira-openapi';

// The manifest as the runtime reads it.
export { readAppManifest, type AppManifest } from './app/app-manifest';
