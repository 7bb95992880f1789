/**
 * What the host needs from manifest.yml: the Custom UI modules, the folders their resources are
 * served from, and the content permissions that shape the iframes' CSP. Read once at start-up.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
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
  contentScripts: string[];
  contentStyles: string[];
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
    contentScripts: manifest.permissions?.content?.scripts ?? [],
    contentStyles: manifest.permissions?.content?.styles ?? [],
  };
}

const quotedKeywords = new Set(['unsafe-inline', 'unsafe-eval', 'unsafe-hashes', 'self', 'none']);

function cspSource(value: string): string {
  return quotedKeywords.has(value) || /^sha(256|384|512)-/.test(value) ? `'${value}'` : value;
}

/**
 * The Content-Security-Policy Forge puts on a Custom UI resource (forge-platform.md §6.6), minus
 * the Atlassian CDN hosts: no inline scripts or styles unless the manifest's
 * `permissions.content` allows them, so a module that would break on Forge breaks here too.
 */
export function resourceCsp(manifest: Pick<HostManifest, 'contentScripts' | 'contentStyles'>): string {
  const scripts = ["'self'", ...manifest.contentScripts.map(cspSource)].join(' ');
  const styles = ["'self'", ...manifest.contentStyles.map(cspSource)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    `style-src ${styles}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "form-action 'self'",
    // Forge's sandbox: no top-level navigation (modules use the router), same origin kept.
    'sandbox allow-downloads allow-forms allow-modals allow-pointer-lock allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts',
  ].join('; ');
}
