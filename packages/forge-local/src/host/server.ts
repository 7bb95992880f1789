/**
 * The Custom UI host: a small Jira-like shell page, the app's real static builds in iframes, and
 * the JSON endpoints behind them. Depends on the `LocalSite` interface only.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { LocalSite } from '../site-api';
import type { HostError, SiteInfo } from './api-types';
import { readAppManifest, type AppManifest } from '../app/app-manifest';
import { transpiledScript } from './browser-scripts';
import {
  DashboardStoreError,
  defaultDashboardId,
  openDashboardStore,
  type DashboardStore,
} from './dashboard-store';
import { contentTypes, HttpError, readJsonBody, send, sendError, sendJson } from './http-util';
import { handleAction } from './action-endpoint';
import { handleInvoke } from './invoke-endpoint';
import { badRequest, type SiteCallAnswer, unknownUser } from './site-call-endpoint';
import { getIssue, isJiraAdmin, JiraQueryError, listEpics } from './jira-queries';
import {
  assertMayEditDashboard,
  mayEditDashboard,
  presentDashboard,
  presentGadget,
} from './dashboard-access';
import { notFoundPage } from './not-found-page';
import { cspReportPath, describeCspReport } from './csp-report';
import { resourceCsp } from './resource-csp';
import { readTokenCss } from './theme-css';

export interface HostOptions {
  site: LocalSite;
  /** The app's root: its manifest.yml, and the static builds the manifest's resources name. */
  rootDir: string;
  /** 8080 unless given; 0 picks a free port (tests). */
  port?: number;
  /** Where the gadget configurations persist (the site's data dir); null keeps them in memory. */
  dataDir: string | null;
  /** Forget saved dashboards and gadget configurations (`npm start -- --reset`). */
  reset?: boolean;
  /**
   * Call `site.deliverPendingEvents()` after each call that may change Jira (default true), as Jira
   * delivers events a moment after a change. Off when the site delivers on its own.
   */
  deliverEvents?: boolean;
  /** Where request failures are reported; silent when omitted. */
  log?: (line: string) => void;
}

export interface RunningHost {
  /** e.g. `http://localhost:8080` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A fixed id: Forge gives every installation an environment; the local one never changes. */
export const localEnvironmentId = '00000000-0000-4000-8000-00000000e0c1';

const jiraProxySchema = z.strictObject({
  accountId: z.string().min(1),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']),
  path: z.string().startsWith('/rest/', 'must be a Jira REST path such as /rest/api/3/myself'),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().nullish(),
});

const addGadgetSchema = z.strictObject({ moduleKey: z.string().min(1) });
const createDashboardSchema = z.strictObject({ name: z.string().trim().min(1).max(255) });
const configurationSchema = z.strictObject({ configuration: z.record(z.string(), z.unknown()) });

type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: string[],
  url: URL,
) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** Paths the shell page answers (its client-side router takes it from there), Jira's own URLs. */
const shellPaths =
  /^\/(?:$|issues\/?$|browse\/[^/]+$|jira\/dashboards(?:\/[^/]+)?$|jira\/settings\/apps(?:\/.*)?$)/;

export function startHost(options: HostOptions): Promise<RunningHost> {
  const { site, rootDir } = options;
  const log = options.log ?? (() => undefined);
  const manifest: AppManifest = readAppManifest(rootDir);
  const tokenCss = readTokenCss();
  // The shell and the frame script ship beside this file, in the runtime's package.
  const shellDir = join(__dirname, 'shell');
  const frameDir = join(__dirname, 'frame');
  const dashboards: DashboardStore = openDashboardStore({
    file: options.dataDir === null ? null : resolve(rootDir, options.dataDir, 'host', 'dashboards.json'),
    reset: options.reset ?? false,
    defaultGadgetModuleKey: manifest.uiModules.find((m) => m.type === 'jira:dashboardGadget')?.key ?? null,
    // The seed hook lists the Jira admin first (SiteSeed.users).
    defaultOwnerAccountId: site.users[0]?.accountId ?? '',
  });

  // Jira raises issue events after a change and delivers them a moment later; the host does the
  // same after every call that may change something. One delivery at a time, in order.
  let deliveries: Promise<void> = Promise.resolve();
  function deliverEventsSoon(): void {
    if (options.deliverEvents === false) return;
    deliveries = deliveries
      .then(() => site.deliverPendingEvents())
      .catch((error: unknown) => {
        log(
          `Delivering Jira events failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      });
  }

  function accountIdParam(url: URL): string {
    const accountId = url.searchParams.get('accountId');
    if (!accountId) throw new HttpError(400, 'Query parameter accountId is required.');
    const unknown = unknownUser(site, accountId);
    if (unknown) throw new HttpError(400, unknown.body.errorMessage);
    return accountId;
  }

  async function parseBody<T>(req: IncomingMessage, schema: z.ZodType<T>, what: string): Promise<T> {
    const parsed = schema.safeParse(await readJsonBody(req));
    if (!parsed.success) throw new HttpError(400, `Invalid ${what}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  /**
   * The handler of an endpoint that runs app code (`/api/invoke`, `/api/action`): it answers in
   * Forge's `{errorType, errorMessage}` shape, a body that is not JSON included, rather than with
   * the host's plain errors, and delivers the events the app code may have raised.
   */
  function siteCallHandler(
    requestName: string,
    handle: (site: LocalSite, body: unknown) => Promise<SiteCallAnswer>,
  ): Handler {
    return async (req, res) => {
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        if (error instanceof HttpError && error.status === 400) {
          const answer = badRequest(`Invalid ${requestName} request: ${error.message}`);
          sendError(res, answer.status, answer.body);
          return;
        }
        throw error;
      }
      const answer = await handle(site, body);
      if (answer.status !== 400) deliverEventsSoon();
      if (answer.status === 500)
        log(`${requestName} failed: ${answer.body.errorType}: ${answer.body.errorMessage}`);
      if (answer.status === 204) sendJson(res, 204, null);
      else sendJson(res, answer.status, answer.body);
    };
  }

  function siteInfo(): SiteInfo {
    return {
      siteUrl: site.siteUrl,
      cloudId: site.cloudId,
      appId: manifest.appId,
      environmentId: localEnvironmentId,
      users: [...site.users],
      modules: manifest.uiModules,
      defaultDashboardId,
    };
  }

  function serveShellPage(res: ServerResponse): void {
    send(res, 200, readFileSync(join(shellDir, 'index.html')), contentTypes['.html'] ?? 'text/html');
  }

  function serveResource(res: ServerResponse, resourceKey: string, rest: string): void {
    const dir = manifest.resourceDirs.get(resourceKey);
    if (!dir) throw new HttpError(404, `manifest.yml declares no resource "${resourceKey}".`);
    const file = resolve(dir, rest === '' ? 'index.html' : rest);
    if (file !== dir && !file.startsWith(dir + sep)) throw new HttpError(404, 'No such file.');
    if (!isFile(file)) {
      const missingBuild = !statSafe(dir);
      const message = missingBuild
        ? `The ${resourceKey} build is missing (${dir}). Run npm run build; npm start builds it for you.`
        : `No file ${rest} in resource ${resourceKey}.`;
      send(
        res,
        404,
        `<!doctype html><title>Not found</title><p>${escapeHtml(message)}</p>`,
        contentTypes['.html'] ?? '',
      );
      return;
    }
    const ext = extname(file).toLowerCase();
    const type = contentTypes[ext] ?? 'application/octet-stream';
    // Every file of the resource carries the policy production Forge gives it (it governs the
    // documents, and any worker a module would start), built from the resource's index.html.
    const headers = {
      'Content-Security-Policy': resourceCsp({
        permissions: manifest.permissions,
        indexHtml: readTextIfFile(join(dir, 'index.html')),
        siteUrl: site.siteUrl,
        reportUri: cspReportPath,
      }),
      'X-Content-Type-Options': 'nosniff',
    };
    if (ext === '.html') {
      // Forge prepends its global bridge script to <head>; so do we, so @forge/bridge finds
      // globalThis.__bridge when the module's own scripts import it.
      const html = readFileSync(file, 'utf8').replace(
        /<head[^>]*>/i,
        (head) => `${head}\n    <script src="/local-bridge.js"></script>`,
      );
      send(res, 200, html, type, headers);
      return;
    }
    send(res, 200, readFileSync(file), type, headers);
  }

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/api\/site$/,
      handler: (_req, res) => {
        sendJson(res, 200, siteInfo());
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/users$/,
      handler: (_req, res) => {
        sendJson(res, 200, site.users);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/epics$/,
      handler: async (_req, res, _params, url) => {
        const accountId = accountIdParam(url);
        sendJson(res, 200, await listEpics(site, accountId, url.searchParams.get('query') ?? ''));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/issues\/([^/]+)$/,
      handler: async (_req, res, [key = ''], url) => {
        const issue = await getIssue(site, accountIdParam(url), decodeURIComponent(key));
        if (!issue)
          throw new HttpError(404, `Issue ${decodeURIComponent(key)} does not exist or you can't see it.`);
        sendJson(res, 200, issue);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/admin-access$/,
      handler: async (_req, res, _params, url) => {
        sendJson(res, 200, { isJiraAdmin: await isJiraAdmin(site, accountIdParam(url)) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/jira$/,
      handler: async (req, res) => {
        const request = await parseBody(req, jiraProxySchema, 'Jira request');
        const unknown = unknownUser(site, request.accountId);
        if (unknown) throw new HttpError(400, unknown.body.errorMessage);
        const response = await site.requestJira({
          accountId: request.accountId,
          method: request.method,
          path: request.path,
          ...(request.headers ? { headers: request.headers } : {}),
          ...(request.body == null ? {} : { body: request.body }),
        });
        if (request.method !== 'GET' && request.method !== 'HEAD') deliverEventsSoon();
        sendJson(res, 200, response);
      },
    },
    { method: 'POST', pattern: /^\/api\/invoke$/, handler: siteCallHandler('invoke', handleInvoke) },
    {
      // A Rovo action, as an agent calls it for the user (no Rovo chat runs locally).
      method: 'POST',
      pattern: /^\/api\/action$/,
      handler: siteCallHandler('action', handleAction),
    },
    {
      // The user's in-app notifications (Jira's bell): a comment that mentions them adds one.
      method: 'GET',
      pattern: /^\/api\/notifications$/,
      handler: (_req, res, _params, url) => {
        sendJson(res, 200, site.notifications.feed(accountIdParam(url)));
      },
    },
    {
      // The user opened the notification drawer: the bell's count clears.
      method: 'POST',
      pattern: /^\/api\/notifications\/seen$/,
      handler: (_req, res, _params, url) => {
        site.notifications.markAllSeen(accountIdParam(url));
        sendJson(res, 204, null);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/notifications\/([^/]+)\/read$/,
      handler: (_req, res, [id = ''], url) => {
        const notificationId = decodeURIComponent(id);
        if (!site.notifications.markRead(accountIdParam(url), notificationId))
          throw new HttpError(404, `The user has no notification ${notificationId}.`);
        sendJson(res, 204, null);
      },
    },
    {
      // A new dashboard, owned by the user who creates it.
      method: 'POST',
      pattern: /^\/api\/dashboards$/,
      handler: async (req, res, _params, url) => {
        const accountId = accountIdParam(url);
        const { name } = await parseBody(req, createDashboardSchema, 'dashboard');
        sendJson(res, 201, presentDashboard(dashboards.create(name, accountId), manifest, true));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/dashboards\/([^/]+)$/,
      handler: async (_req, res, [id = ''], url) => {
        const accountId = accountIdParam(url);
        const dashboard = dashboards.get(id);
        const editable = await mayEditDashboard(site, dashboard, accountId);
        sendJson(res, 200, presentDashboard(dashboard, manifest, editable));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/dashboards\/([^/]+)\/gadgets$/,
      handler: async (req, res, [id = ''], url) => {
        const accountId = accountIdParam(url);
        await assertMayEditDashboard(site, dashboards.get(id), accountId);
        const { moduleKey } = await parseBody(req, addGadgetSchema, 'gadget');
        if (!manifest.uiModules.some((m) => m.key === moduleKey && m.type === 'jira:dashboardGadget')) {
          throw new HttpError(400, `manifest.yml has no jira:dashboardGadget with key "${moduleKey}".`);
        }
        sendJson(res, 201, presentGadget(dashboards.addGadget(id, moduleKey), manifest));
      },
    },
    {
      method: 'PUT',
      pattern: /^\/api\/dashboards\/([^/]+)\/gadgets\/([^/]+)\/configuration$/,
      handler: async (req, res, [id = '', gadgetId = ''], url) => {
        const accountId = accountIdParam(url);
        await assertMayEditDashboard(site, dashboards.get(id), accountId);
        const { configuration } = await parseBody(req, configurationSchema, 'gadget configuration');
        sendJson(
          res,
          200,
          presentGadget(dashboards.saveConfiguration(id, gadgetId, configuration), manifest),
        );
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/dashboards\/([^/]+)\/gadgets\/([^/]+)$/,
      handler: async (_req, res, [id = '', gadgetId = ''], url) => {
        const accountId = accountIdParam(url);
        await assertMayEditDashboard(site, dashboards.get(id), accountId);
        dashboards.removeGadget(id, gadgetId);
        sendJson(res, 204, null);
      },
    },
    {
      // The report-uri of the modules' CSP: each violation goes to the host's log (npm start prints it).
      method: 'POST',
      pattern: new RegExp(`^${cspReportPath}$`),
      handler: async (req, res) => {
        log(describeCspReport(await readJsonBody(req)));
        sendJson(res, 204, null);
      },
    },
    {
      method: 'GET',
      pattern: /^\/local-bridge\.js$/,
      handler: (_req, res) => {
        serveScript(res, frameDir, 'local-bridge');
      },
    },
    {
      method: 'GET',
      pattern: /^\/tokens\.css$/,
      handler: (_req, res) => {
        send(res, 200, tokenCss, contentTypes['.css'] ?? 'text/css');
      },
    },
    {
      method: 'GET',
      pattern: /^\/shell\/shell\.css$/,
      handler: (_req, res) => {
        send(res, 200, readFileSync(join(shellDir, 'shell.css')), contentTypes['.css'] ?? 'text/css');
      },
    },
    {
      method: 'GET',
      pattern: /^\/shell\/([a-z0-9/-]+?)(?:\.js)?$/,
      handler: (_req, res, [name = '']) => {
        serveScript(res, shellDir, name);
      },
    },
    {
      method: 'GET',
      pattern: /^\/favicon\.(?:ico|svg)$/,
      handler: (_req, res) => {
        send(res, 200, readFileSync(join(shellDir, 'favicon.svg')), contentTypes['.svg'] ?? '');
      },
    },
    {
      method: 'GET',
      pattern: /^\/resources\/([^/]+)\/?(.*)$/,
      handler: (_req, res, [key = '', rest = '']) => {
        serveResource(res, decodeURIComponent(key), decodeURIComponent(rest));
      },
    },
  ];

  function serveScript(res: ServerResponse, dir: string, name: string): void {
    const js = transpiledScript(dir, name);
    if (js === null) throw new HttpError(404, `No script ${name}.`);
    send(res, 200, js, contentTypes['.js'] ?? 'text/javascript');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    try {
      if ((method === 'GET' || method === 'HEAD') && shellPaths.test(url.pathname)) {
        serveShellPage(res);
        return;
      }
      const matches = routes.filter((r) => r.pattern.test(url.pathname));
      if (
        matches.length === 0 &&
        (method === 'GET' || method === 'HEAD') &&
        !url.pathname.startsWith('/api/')
      ) {
        // A page nobody serves: the shell's own themed page says so, with a way back.
        send(res, 404, notFoundPage(url.pathname), contentTypes['.html'] ?? 'text/html');
        return;
      }
      if (matches.length === 0) throw new HttpError(404, `No such page or endpoint: ${url.pathname}`);
      const route = matches.find((r) => r.method === method || (method === 'HEAD' && r.method === 'GET'));
      if (!route) {
        throw new HttpError(
          405,
          `${method} is not allowed on ${url.pathname}; use ${matches.map((r) => r.method).join(' or ')}.`,
          'METHOD_NOT_ALLOWED',
        );
      }
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1);
      await route.handler(req, res, params, url);
    } catch (error) {
      const [status, body] = toHostError(error);
      if (status >= 500)
        log(
          `${method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      if (res.headersSent) {
        res.end();
        return;
      }
      if (url.pathname.startsWith('/api/')) sendError(res, status, body);
      else
        send(
          res,
          status,
          `<!doctype html><title>${status}</title><p>${escapeHtml(body.errorMessage)}</p>`,
          contentTypes['.html'] ?? '',
        );
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    // Loopback only: this is a developer's tool with no authentication.
    server.listen(options.port ?? 8080, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://localhost:${port}`,
        port,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => {
              done();
            });
            server.closeAllConnections();
          });
          await deliveries;
        },
      });
    });
  });
}

function toHostError(error: unknown): [number, HostError] {
  if (error instanceof HttpError)
    return [error.status, { errorType: error.errorType, errorMessage: error.message }];
  if (error instanceof DashboardStoreError) {
    return [
      error.status,
      { errorType: error.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', errorMessage: error.message },
    ];
  }
  if (error instanceof JiraQueryError)
    return [error.status, { errorType: 'JIRA_ERROR', errorMessage: error.message }];
  return [
    500,
    { errorType: 'HOST_ERROR', errorMessage: error instanceof Error ? error.message : String(error) },
  ];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readTextIfFile(path: string): string {
  return isFile(path) ? readFileSync(path, 'utf8') : '';
}

function statSafe(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
