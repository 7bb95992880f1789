/**
 * The shell's dashboards, who owns each, and the configuration each gadget saved with
 * `view.submit`. Jira keeps this server-side per dashboard item; here it is one JSON file in the
 * site's data dir (or memory when the site is in memory). Who may change a dashboard is the
 * server's question (server.ts); the store only records the owner.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const defaultDashboardId = '10000';

/** Jira limits a dashboard item property value to 32,768 characters; gadget config is one. */
export const maxConfigurationChars = 32_768;

const fileSchema = z.object({
  dashboards: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      // Files written before dashboards had owners: the default owner takes them.
      ownerAccountId: z.string().optional(),
      gadgets: z.array(
        z.object({
          id: z.string(),
          moduleKey: z.string(),
          configuration: z.record(z.string(), z.unknown()).nullable(),
        }),
      ),
    }),
  ),
});

/** A gadget as the store keeps it; the server adds its title (api-types.ts `GadgetInstance`). */
export interface StoredGadget {
  id: string;
  moduleKey: string;
  configuration: Record<string, unknown> | null;
}

export interface StoredDashboard {
  id: string;
  name: string;
  ownerAccountId: string;
  gadgets: StoredGadget[];
}

export class DashboardStoreError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
    this.name = 'DashboardStoreError';
  }
}

export interface DashboardStore {
  get(dashboardId: string): StoredDashboard;
  /** A new, empty dashboard owned by `ownerAccountId`. */
  create(name: string, ownerAccountId: string): StoredDashboard;
  addGadget(dashboardId: string, moduleKey: string): StoredGadget;
  saveConfiguration(
    dashboardId: string,
    gadgetId: string,
    configuration: Record<string, unknown>,
  ): StoredGadget;
  removeGadget(dashboardId: string, gadgetId: string): void;
}

export interface DashboardStoreOptions {
  /** JSON file to persist to; null keeps everything in memory. */
  file: string | null;
  reset?: boolean;
  /** The gadget the default dashboard starts with (already configured, so it opens in view mode). */
  defaultGadgetModuleKey: string | null;
  /** Who owns the default dashboard (and dashboards of files written before owners): the site's Jira admin. */
  defaultOwnerAccountId: string;
}

function initialDashboards(options: DashboardStoreOptions): StoredDashboard[] {
  const gadgets = options.defaultGadgetModuleKey
    ? [{ id: '10001', moduleKey: options.defaultGadgetModuleKey, configuration: {} }]
    : [];
  return [
    {
      id: defaultDashboardId,
      name: 'Default dashboard',
      ownerAccountId: options.defaultOwnerAccountId,
      gadgets,
    },
  ];
}

export function openDashboardStore(options: DashboardStoreOptions): DashboardStore {
  const { file } = options;
  if (file && options.reset) rmSync(file, { force: true });
  const dashboards = load();

  function load(): StoredDashboard[] {
    if (!file) return initialDashboards(options);
    try {
      return fileSchema
        .parse(JSON.parse(readFileSync(file, 'utf8')))
        .dashboards.map((d) => ({ ...d, ownerAccountId: d.ownerAccountId ?? options.defaultOwnerAccountId }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`${file} is not a dashboards file the host wrote; delete it or start with --reset.`, {
          cause: error,
        });
      }
      return initialDashboards(options);
    }
  }

  function save(): void {
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    // Write-then-rename, so a crash mid-write never leaves half a file behind.
    writeFileSync(`${file}.tmp`, `${JSON.stringify({ dashboards }, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  }

  function dashboard(dashboardId: string): StoredDashboard {
    const found = dashboards.find((d) => d.id === dashboardId);
    if (!found) throw new DashboardStoreError(`Dashboard ${dashboardId} does not exist.`, 404);
    return found;
  }

  function gadget(dashboardId: string, gadgetId: string): StoredGadget {
    const found = dashboard(dashboardId).gadgets.find((g) => g.id === gadgetId);
    if (!found) throw new DashboardStoreError(`Gadget ${gadgetId} is not on dashboard ${dashboardId}.`, 404);
    return found;
  }

  function nextId(): string {
    const ids = dashboards.flatMap((d) => [d.id, ...d.gadgets.map((g) => g.id)]).map(Number);
    return String(Math.max(10000, ...ids.filter(Number.isFinite)) + 1);
  }

  return {
    get: (dashboardId) => structuredClone(dashboard(dashboardId)),
    create(name, ownerAccountId) {
      const created: StoredDashboard = { id: nextId(), name, ownerAccountId, gadgets: [] };
      dashboards.push(created);
      save();
      return structuredClone(created);
    },
    addGadget(dashboardId, moduleKey) {
      const added: StoredGadget = { id: nextId(), moduleKey, configuration: null };
      dashboard(dashboardId).gadgets.push(added);
      save();
      return structuredClone(added);
    },
    saveConfiguration(dashboardId, gadgetId, configuration) {
      const size = JSON.stringify(configuration).length;
      if (size > maxConfigurationChars) {
        throw new DashboardStoreError(
          `Gadget configuration is ${size} characters; Jira stores at most ${maxConfigurationChars}.`,
          400,
        );
      }
      const target = gadget(dashboardId, gadgetId);
      target.configuration = structuredClone(configuration);
      save();
      return structuredClone(target);
    },
    removeGadget(dashboardId, gadgetId) {
      const board = dashboard(dashboardId);
      gadget(dashboardId, gadgetId);
      board.gadgets = board.gadgets.filter((g) => g.id !== gadgetId);
      save();
    },
  };
}
