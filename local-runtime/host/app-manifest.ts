/**
 * What the host needs from manifest.yml: the Custom UI modules, the folders their resources are
 * served from, and the permissions that shape the iframes' CSP. Read once at start-up.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Permissions } from '@forge/manifest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { UiModuleInfo, UiModuleType } from './api-types';

const moduleSchema = z.object({
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

const manifestSchema = z.object({
  modules: z.record(z.string(), z.array(z.unknown())),
  resources: z.array(z.object({ key: z.string(), path: z.string() }).loose()).default([]),
  permissions: z
    .object({
      content: z
        .object({ scripts: z.array(z.string()).optional(), styles: z.array(z.string()).optional() })
        .loose()
        .optional(),
    })
    .loose()
    .optional(),
  app: z.object({ id: z.string() }).loose(),
});

const uiModuleTypes: readonly UiModuleType[] = ['jira:issuePanel', 'jira:dashboardGadget', 'jira:adminPage'];

export interface HostManifest {
  /** The app's UUID, from `app.id` (`ari:cloud:ecosystem::app/<uuid>`). */
  appId: string;
  modules: UiModuleInfo[];
  /** Resource key → absolute folder of its static build. */
  resourceDirs: Map<string, string>;
  /** `permissions` as written: @forge/csp builds each resource's CSP from them (resource-csp.ts). */
  permissions: Permissions | undefined;
}

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

export function readHostManifest(rootDir: string): HostManifest {
  const raw: unknown = parse(readFileSync(resolve(rootDir, 'manifest.yml'), 'utf8'));
  const manifest = manifestSchema.parse(raw);
  const resourceDirs = new Map(
    manifest.resources.map((r) => [r.key, isAbsolute(r.path) ? r.path : resolve(rootDir, r.path)]),
  );
  const modules: UiModuleInfo[] = [];
  for (const type of uiModuleTypes) {
    for (const entry of manifest.modules[type] ?? []) {
      const m = moduleSchema.parse(entry);
      if (!resourceDirs.has(m.resource)) {
        throw new Error(
          `manifest.yml: module ${m.key} names resource "${m.resource}", which is not declared.`,
        );
      }
      const issueTypes = m.displayConditions?.issueType;
      modules.push({
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
  return {
    appId: manifest.app.id.replace(/^.*\//, ''),
    modules,
    resourceDirs,
    // zod checked the content permissions above; Atlassian's manifest validator checks the rest (test/wiring).
    permissions: manifest.permissions as Permissions | undefined,
  };
}
