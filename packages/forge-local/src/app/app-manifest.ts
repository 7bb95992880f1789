/**
 * The one reader of an app's manifest.yml. The back-end runtime takes from it which function runs
 * each resolver, trigger, scheduled trigger and queue consumer; the scopes the app was granted; the
 * entity properties Jira indexes for JQL; and the custom entities Forge storage accepts. The host
 * takes the Custom UI modules it mounts, the folders their resources are served from, and the
 * permissions that shape the iframes' CSP.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Permissions } from '@forge/manifest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { UiModuleInfo, UiModuleType } from '../host/api-types';

export type EntityAttributeType = 'string' | 'boolean' | 'float' | 'integer' | 'any';
export type IndexedValueType = 'number' | 'string' | 'text' | 'user' | 'date';

export interface FunctionDef {
  key: string;
  /** `src/<file>` without extension, e.g. `index`. */
  file: string;
  exportName: string;
  timeoutSeconds: number | undefined;
}

export interface ResolverModule {
  moduleKey: string;
  moduleType: string;
  functionKey: string;
}

export interface TriggerDef {
  key: string;
  functionKey: string;
  events: string[];
  ignoreSelf: boolean;
}

export interface ScheduledTriggerDef {
  key: string;
  functionKey: string;
  interval: string;
}

export interface ConsumerDef {
  key: string;
  queue: string;
  functionKey: string;
}

export interface IndexedPropertyValue {
  propertyKey: string;
  /** Dot path inside the property value, e.g. `index.roi`. */
  path: string;
  type: IndexedValueType;
  searchAlias: string | undefined;
}

/**
 * A `jira:customField` module: Jira creates one field per module on deploy, with an id of its own
 * (`customfield_NNNNN`) and the key `{appId}__{environment}__{moduleKey}`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-custom-field/).
 */
export interface CustomFieldDef {
  moduleKey: string;
  name: string;
  description: string;
  type: 'string' | 'number' | 'user' | 'group' | 'date' | 'datetime' | 'object';
  collection: 'none' | 'list';
  readOnly: boolean;
}

/** An input of a Rovo `action` module: what Rovo fills from the conversation. */
export interface ActionInputDef {
  title: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  required: boolean;
}

/**
 * An `action` module a Rovo agent may call
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/rovo-action/).
 */
export interface ActionDef {
  key: string;
  functionKey: string;
  actionVerb: string;
  inputs: Map<string, ActionInputDef>;
  /** The `rovo:agent` modules that list it in `actions`. */
  agentKeys: string[];
}

export interface EntityIndex {
  name: string;
  partition: string[];
  range: string[];
}

export interface EntityDef {
  name: string;
  attributes: Map<string, EntityAttributeType>;
  indexes: Map<string, EntityIndex>;
}

export interface AppManifest {
  /** The app UUID from `app.id`. */
  appId: string;
  functions: Map<string, FunctionDef>;
  resolverModules: Map<string, ResolverModule>;
  triggers: TriggerDef[];
  scheduledTriggers: Map<string, ScheduledTriggerDef>;
  consumers: ConsumerDef[];
  indexedProperties: IndexedPropertyValue[];
  /** The `jira:customField` modules, in manifest order. */
  customFields: CustomFieldDef[];
  /** The Rovo `action` modules by key. */
  actions: Map<string, ActionDef>;
  entities: Map<string, EntityDef>;
  scopes: Set<string>;
  /** Scopes declared with `allowImpersonation: true` (needed for `asUser(accountId)`). */
  impersonationScopes: Set<string>;
  /** `app.runtime.memoryMB`: each invocation's memory on Forge (default 512 MB). */
  memoryMB: number;
  /** The Custom UI modules the host mounts (issue panels, dashboard gadgets, admin and global pages). */
  uiModules: UiModuleInfo[];
  /** Resource key → absolute folder of its static build. */
  resourceDirs: Map<string, string>;
  /** `permissions` as written: @forge/csp builds each resource's CSP from them (resource-csp.ts). */
  permissions: Permissions | undefined;
}

/** Forge's default function memory (https://developer.atlassian.com/platform/forge/limits-invocation/). */
export const DEFAULT_MEMORY_MB = 512;

const functionSchema = z
  .object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() })
  .loose();
const triggerSchema = z
  .object({
    key: z.string(),
    function: z.string(),
    events: z.array(z.string()),
    filter: z.object({ ignoreSelf: z.boolean().optional() }).loose().optional(),
  })
  .loose();
const scheduledSchema = z.object({ key: z.string(), function: z.string(), interval: z.string() }).loose();
const consumerSchema = z.object({ key: z.string(), queue: z.string(), function: z.string() }).loose();
const entityPropertySchema = z
  .object({
    key: z.string(),
    entityType: z.string().optional(),
    propertyKey: z.string(),
    values: z.array(
      z.object({
        path: z.string(),
        type: z.enum(['number', 'string', 'text', 'user', 'date']),
        searchAlias: z.string().optional(),
      }),
    ),
  })
  .loose();
const customFieldSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    type: z.enum(['string', 'number', 'user', 'group', 'date', 'datetime', 'object']),
    collection: z.enum(['none', 'list']).optional(),
    readOnly: z.boolean().optional(),
  })
  .loose();
const actionSchema = z
  .object({
    key: z.string(),
    function: z.string(),
    actionVerb: z.string(),
    inputs: z
      .record(
        z.string(),
        z
          .object({
            title: z.string(),
            type: z.enum(['string', 'number', 'integer', 'boolean']),
            required: z.boolean().optional(),
          })
          .loose(),
      )
      .optional(),
  })
  .loose();
const agentSchema = z.object({ key: z.string(), actions: z.array(z.string()).optional() }).loose();
const entitySchema = z
  .object({
    name: z.string(),
    attributes: z.record(
      z.string(),
      z.object({ type: z.enum(['string', 'boolean', 'float', 'integer', 'any']) }),
    ),
    indexes: z
      .array(
        z.union([
          z.string(),
          z.object({
            name: z.string(),
            partition: z.array(z.string()).optional(),
            range: z.array(z.string()),
          }),
        ]),
      )
      .optional(),
  })
  .loose();
const uiModuleSchema = z.object({
  key: z.string(),
  title: z.union([z.string(), z.object({ text: z.string() }).loose()]),
  description: z.string().optional(),
  icon: z.string().optional(),
  resource: z.string(),
  edit: z.object({ resource: z.string() }).loose().optional(),
  refreshable: z.boolean().optional(),
  displayConditions: z
    .object({ issueType: z.union([z.string(), z.array(z.string())]).optional() })
    .loose()
    .optional(),
});

const uiModuleTypes: readonly UiModuleType[] = [
  'jira:issuePanel',
  'jira:dashboardGadget',
  'jira:adminPage',
  'jira:globalPage',
];

const manifestSchema = z
  .object({
    app: z
      .object({
        id: z.string(),
        runtime: z.object({ memoryMB: z.number().int().positive().optional() }).loose().optional(),
        storage: z
          .object({ entities: z.array(entitySchema).optional() })
          .loose()
          .optional(),
      })
      .loose(),
    modules: z.record(z.string(), z.array(z.unknown())),
    resources: z.array(z.object({ key: z.string(), path: z.string() }).loose()).default([]),
    permissions: z
      .object({
        content: z
          .object({ scripts: z.array(z.string()).optional(), styles: z.array(z.string()).optional() })
          .loose()
          .optional(),
        scopes: z
          .union([
            z.array(z.string()),
            z.record(z.string(), z.object({ allowImpersonation: z.boolean().optional() }).loose().nullable()),
          ])
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const uiResolverSchema = z
  .object({ key: z.string(), resolver: z.object({ function: z.string() }).loose() })
  .loose();

export function resourceUrl(resourceKey: string): string {
  return `/resources/${encodeURIComponent(resourceKey)}/index.html`;
}

/** `resource:epic-panel;icon.svg` → `/resources/epic-panel/icon.svg`; absolute URLs stay as they are. */
function iconUrl(icon: string | undefined): { iconUrl?: string } {
  if (icon === undefined) return {};
  const match = /^resource:([^;]+);(.+)$/.exec(icon);
  if (!match) return { iconUrl: icon };
  const [, key = '', path = ''] = match;
  return {
    iconUrl: `/resources/${encodeURIComponent(key)}/${path.split('/').map(encodeURIComponent).join('/')}`,
  };
}

function readUiModules(
  modules: Record<string, unknown[]>,
  resourceDirs: ReadonlyMap<string, string>,
): UiModuleInfo[] {
  const found: UiModuleInfo[] = [];
  for (const type of uiModuleTypes) {
    for (const entry of modules[type] ?? []) {
      const m = uiModuleSchema.parse(entry);
      if (!resourceDirs.has(m.resource)) {
        throw new Error(
          `manifest.yml: module ${m.key} names resource "${m.resource}", which is not declared.`,
        );
      }
      const issueTypes = m.displayConditions?.issueType;
      found.push({
        key: m.key,
        type,
        title: typeof m.title === 'string' ? m.title : m.title.text,
        ...(m.description === undefined ? {} : { description: m.description }),
        ...iconUrl(m.icon),
        resourceUrl: resourceUrl(m.resource),
        ...(type === 'jira:dashboardGadget'
          ? { editResourceUrl: resourceUrl(m.edit?.resource ?? m.resource) }
          : {}),
        ...(issueTypes === undefined ? {} : { issueTypes: [issueTypes].flat() }),
        refreshable: m.refreshable ?? true,
      });
    }
  }
  return found;
}

export function readAppManifest(appRoot: string): AppManifest {
  const raw: unknown = parse(readFileSync(join(appRoot, 'manifest.yml'), 'utf8'));
  const manifest = manifestSchema.parse(raw);
  const modules = manifest.modules;
  const resourceDirs = new Map(
    manifest.resources.map((r) => [r.key, isAbsolute(r.path) ? r.path : resolve(appRoot, r.path)]),
  );
  const list = <T>(name: string, schema: z.ZodType<T>): T[] =>
    (modules[name] ?? []).map((m) => schema.parse(m));

  const functions = new Map<string, FunctionDef>();
  for (const fn of list('function', functionSchema)) {
    const dot = fn.handler.lastIndexOf('.');
    if (dot <= 0)
      throw new Error(
        `manifest.yml: function ${fn.key} has handler '${fn.handler}'; expected <file>.<export>`,
      );
    functions.set(fn.key, {
      key: fn.key,
      file: fn.handler.slice(0, dot),
      exportName: fn.handler.slice(dot + 1),
      timeoutSeconds: fn.timeoutSeconds,
    });
  }

  const resolverModules = new Map<string, ResolverModule>();
  for (const [moduleType, entries] of Object.entries(modules)) {
    for (const entry of entries) {
      const parsed = uiResolverSchema.safeParse(entry);
      if (parsed.success) {
        resolverModules.set(parsed.data.key, {
          moduleKey: parsed.data.key,
          moduleType,
          functionKey: parsed.data.resolver.function,
        });
      }
    }
  }

  const scopes = new Set<string>();
  const impersonationScopes = new Set<string>();
  const declared = manifest.permissions?.scopes;
  if (Array.isArray(declared)) for (const scope of declared) scopes.add(scope);
  else if (declared) {
    for (const [scope, options] of Object.entries(declared)) {
      scopes.add(scope);
      if (options?.allowImpersonation === true) impersonationScopes.add(scope);
    }
  }

  return {
    appId: manifest.app.id.replace(/^ari:cloud:ecosystem::app\//, ''),
    functions,
    memoryMB: manifest.app.runtime?.memoryMB ?? DEFAULT_MEMORY_MB,
    resolverModules,
    triggers: list('trigger', triggerSchema).map((t) => ({
      key: t.key,
      functionKey: t.function,
      events: t.events,
      ignoreSelf: t.filter?.ignoreSelf === true,
    })),
    scheduledTriggers: new Map(
      list('scheduledTrigger', scheduledSchema).map((s) => [
        s.key,
        { key: s.key, functionKey: s.function, interval: s.interval },
      ]),
    ),
    consumers: list('consumer', consumerSchema).map((c) => ({
      key: c.key,
      queue: c.queue,
      functionKey: c.function,
    })),
    indexedProperties: list('jira:entityProperty', entityPropertySchema)
      .filter((p) => (p.entityType ?? 'issue') === 'issue')
      .flatMap((p) =>
        p.values.map((v) => ({
          propertyKey: p.propertyKey,
          path: v.path,
          type: v.type,
          searchAlias: v.searchAlias,
        })),
      ),
    customFields: list('jira:customField', customFieldSchema).map((f) => ({
      moduleKey: f.key,
      name: f.name,
      description: f.description,
      type: f.type,
      collection: f.collection ?? 'none',
      readOnly: f.readOnly ?? false,
    })),
    actions: new Map(
      list('action', actionSchema).map((a) => [
        a.key,
        {
          key: a.key,
          functionKey: a.function,
          actionVerb: a.actionVerb,
          inputs: new Map(
            Object.entries(a.inputs ?? {}).map(([name, input]) => [
              name,
              { title: input.title, type: input.type, required: input.required ?? false },
            ]),
          ),
          agentKeys: list('rovo:agent', agentSchema)
            .filter((agent) => agent.actions?.includes(a.key) === true)
            .map((agent) => agent.key),
        },
      ]),
    ),
    entities: new Map(
      (manifest.app.storage?.entities ?? []).map((e) => [
        e.name,
        {
          name: e.name,
          attributes: new Map(Object.entries(e.attributes).map(([name, a]) => [name, a.type])),
          indexes: new Map(
            (e.indexes ?? []).map((index) =>
              typeof index === 'string'
                ? [index, { name: index, partition: [], range: [index] }]
                : [index.name, { name: index.name, partition: index.partition ?? [], range: index.range }],
            ),
          ),
        },
      ]),
    ),
    scopes,
    impersonationScopes,
    uiModules: readUiModules(modules, resourceDirs),
    resourceDirs,
    // zod checked the content permissions above; Atlassian's manifest validator checks the rest.
    permissions: manifest.permissions as Permissions | undefined,
  };
}
