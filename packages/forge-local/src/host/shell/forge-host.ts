/**
 * The host side of the Custom UI bridge: what Jira's page does for a Forge iframe. Every module
 * iframe's `callBridge(method, payload)` (see frame/local-bridge.ts) lands in `handle` below with
 * the id of the frame that called, so each call is answered with that frame's context.
 * Method names and payloads follow @forge/bridge 7.2.0 (forge-platform.md §2.6).
 */
import type { UiModuleInfo } from '../api-types';
import { api } from './api';
import { describeError, h } from './dom';
import { closeFlag, showFlag, type FlagOptions } from './flags';
import { adminBasePath, globalPageBasePath, navigate } from './router';
import { applyTheme, onSessionChange, session } from './session';

export interface FrameSpec {
  module: UiModuleInfo;
  /** The resource URL to load (a gadget's edit mode may use another resource). */
  src: string;
  /** `context.extension` without `location`, which is filled in on each getContext. */
  extension: Record<string, unknown>;
  localId: string;
  /** `view.submit`: resolve true when the host accepted the payload. */
  submit?: (payload: unknown) => Promise<boolean>;
  /** `view.close`. */
  close?: () => boolean;
  /** `view.refresh`. */
  refresh?: () => boolean;
  /** `view.createHistory` (full-page modules only). */
  createHistory?: (frame: MountedFrame) => unknown;
}

export interface MountedFrame {
  readonly id: string;
  readonly spec: FrameSpec;
  readonly iframe: HTMLIFrameElement;
  /** The container to put on the page: the iframe plus its loading and error states. */
  readonly element: HTMLElement;
  /** Builds a value inside the iframe's own realm (plain JSON data only). */
  toFrame(value: unknown): unknown;
  destroy(): void;
}

interface FrameRecord extends MountedFrame {
  themed: boolean;
  showError(message: string): void;
  markReady(): void;
}

type Callback = (payload: unknown) => unknown;

interface Subscription {
  frameId: string;
  event: string;
  callback: Callback;
}

const frames = new Map<string, FrameRecord>();
const subscriptions = new Set<Subscription>();
let frameCounter = 0;

/** Frames taller than this stop growing: a module whose content tracks its own height would loop. */
const maxFrameHeight = 20_000;

// ─── The methods @forge/bridge calls ────────────────────────────────────────

type Method = (frame: FrameRecord, payload: unknown) => unknown;

function asRecord(payload: unknown, method: string): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null)
    throw new Error(`Bridge method "${method}" needs an object payload.`);
  return payload as Record<string, unknown>;
}

function contextFor(frame: FrameRecord): Record<string, unknown> {
  const { site, user, colorMode } = session();
  return {
    accountId: user.accountId,
    cloudId: site.cloudId,
    siteUrl: site.siteUrl,
    localId: frame.spec.localId,
    locale: navigator.language || 'en-US',
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    moduleKey: frame.spec.module.key,
    environmentId: site.environmentId,
    environmentType: 'DEVELOPMENT',
    theme: {
      colorMode,
      dark: 'dark',
      light: 'light',
      spacing: 'spacing',
      typography: 'typography',
      shape: 'shape',
    },
    extension: { ...frame.spec.extension, location: window.location.href },
  };
}

async function invoke(frame: FrameRecord, payload: unknown): Promise<unknown> {
  const { functionKey, payload: resolverPayload, metadata } = asRecord(payload, 'invoke');
  if (typeof functionKey !== 'string') throw new Error('invoke needs a functionKey string.');
  let result: unknown;
  try {
    result = await api.invoke({
      moduleKey: frame.spec.module.key,
      functionKey,
      ...(resolverPayload === undefined ? {} : { payload: resolverPayload }),
      accountId: session().user.accountId,
      extension: contextFor(frame).extension as Record<string, unknown>,
    });
  } catch (error) {
    // Forge's global bridge rejects a failed invocation with this wording (unconfirmed: §4).
    throw new Error(`There was an error invoking the function - ${describeError(error)}`, { cause: error });
  }
  return metadata ? { body: result, metadata: {} } : result;
}

async function fetchProduct(_frame: FrameRecord, payload: unknown): Promise<unknown> {
  const { product, restPath, fetchRequestInit, isMultipartFormData } = asRecord(payload, 'fetchProduct');
  if (product !== 'jira')
    throw new Error(`This local site has Jira only; product "${String(product)}" is not available.`);
  if (isMultipartFormData)
    throw new Error('The local Jira host does not support multipart (attachment) requests.');
  if (typeof restPath !== 'string') throw new Error('fetchProduct needs a restPath string.');
  const init = (fetchRequestInit ?? {}) as { method?: unknown; headers?: unknown; body?: unknown };
  const rawHeaders = init.headers ?? [];
  const headers = Object.fromEntries(
    (Array.isArray(rawHeaders) ? rawHeaders : Object.entries(rawHeaders as Record<string, unknown>)).map(
      (pair: unknown) => (pair as [unknown, unknown]).map(String),
    ),
  ) as Record<string, string>;
  return api.jira({
    accountId: session().user.accountId,
    method: typeof init.method === 'string' ? init.method.toUpperCase() : 'GET',
    path: restPath,
    headers,
    body: typeof init.body === 'string' ? init.body : null,
  });
}

/** A bridge NavigationLocation (or URL) as a path on this host; absolute URLs elsewhere stay absolute. */
export function hrefFor(location: unknown): string {
  const { site } = session();
  if (typeof location === 'string') {
    return location.startsWith(site.siteUrl) ? location.slice(site.siteUrl.length) || '/' : location;
  }
  const target = asRecord(location, 'navigate');
  switch (target.target) {
    case 'issue':
      return `/browse/${encodeURIComponent(String(target.issueKey))}`;
    case 'dashboard':
      return `/jira/dashboards/${encodeURIComponent(String(target.dashboardId))}`;
    case 'module': {
      const module = site.modules.find((m) => m.key === target.moduleKey);
      if (module?.type !== 'jira:adminPage' && module?.type !== 'jira:globalPage') {
        throw new Error(
          `The local Jira host can only navigate to admin and global page modules, not "${String(target.moduleKey)}".`,
        );
      }
      const path =
        typeof target.path === 'string' && target.path !== '' ? `/${target.path.replace(/^\//, '')}` : '';
      return (module.type === 'jira:adminPage' ? adminBasePath(site) : globalPageBasePath(site)) + path;
    }
    default:
      throw new Error(`The local Jira host has no page for navigation target "${String(target.target)}".`);
  }
}

function navigateFrom(_frame: FrameRecord, payload: unknown): void {
  const { url, type, ...location } = asRecord(payload, 'navigate');
  const href = hrefFor(typeof url === 'string' ? url : location);
  if (type === 'new-tab') {
    window.open(href, '_blank', 'noopener');
    return;
  }
  const target = new URL(href, window.location.href);
  // Answer the module first: navigating away removes its iframe.
  window.setTimeout(() => {
    if (target.origin === window.location.origin) navigate(target.pathname + target.search + target.hash);
    else window.location.assign(target.href);
  });
}

async function enableTheming(frame: FrameRecord): Promise<void> {
  const doc = frame.iframe.contentDocument;
  if (!doc) throw new Error('The module document is not reachable for theming.');
  applyTheme(doc.documentElement, session().colorMode);
  frame.themed = true;
  if (doc.querySelector('link[data-forge-tokens]')) return;
  // A <link>, not a <style>: the iframe's CSP (like Forge's) allows 'self' stylesheets only.
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/tokens.css';
  link.setAttribute('data-forge-tokens', '');
  await new Promise<void>((resolve) => {
    link.addEventListener('load', () => {
      resolve();
    });
    link.addEventListener('error', () => {
      resolve();
    });
    doc.head.append(link);
  });
}

function subscribe(frame: FrameRecord, payload: unknown, prefix: string): unknown {
  const { event, callback } = asRecord(payload, 'on');
  if (typeof event !== 'string' || typeof callback !== 'function')
    throw new Error('events.on needs an event name and a callback.');
  const subscription: Subscription = {
    frameId: frame.id,
    event: prefix + event,
    callback: callback as Callback,
  };
  subscriptions.add(subscription);
  return {
    unsubscribe: () => {
      subscriptions.delete(subscription);
    },
  };
}

function emitFrom(frame: FrameRecord, payload: unknown, prefix: string): void {
  const { event, payload: eventPayload } = asRecord(payload, 'emit');
  if (typeof event !== 'string') throw new Error('events.emit needs an event name.');
  emitToFrames(prefix + event, eventPayload, frame.id);
}

const methods: Record<string, Method> = {
  getContext: (frame) => contextFor(frame),
  invoke,
  fetchProduct,
  submit: (frame, payload) => frame.spec.submit?.(payload) ?? false,
  close: (frame) => frame.spec.close?.() ?? false,
  // Only modals and custom-field editors can be opened or closed by the host; none here are.
  open: () => false,
  onClose: () => false,
  refresh: (frame) => frame.spec.refresh?.() ?? false,
  createHistory: (frame) => {
    if (!frame.spec.createHistory)
      throw new Error(`view.createHistory is not available in ${frame.spec.module.type} modules.`);
    return frame.spec.createHistory(frame);
  },
  navigate: navigateFrom,
  getUrl: (_frame, location) => new URL(hrefFor(location), window.location.href).href,
  reload: () => {
    window.location.reload();
  },
  emit: (frame, payload) => {
    emitFrom(frame, payload, '');
  },
  on: (frame, payload) => subscribe(frame, payload, ''),
  emitPublic: (frame, payload) => {
    emitFrom(frame, payload, 'public:');
  },
  onPublic: (frame, payload) => subscribe(frame, payload, 'public:'),
  showFlag: (_frame, payload) => {
    showFlag(asRecord(payload, 'showFlag') as unknown as FlagOptions);
  },
  closeFlag: (_frame, payload) => {
    closeFlag(asRecord(payload, 'closeFlag').id as string);
  },
  enableTheming,
  changeWindowTitle: (_frame, title) => {
    document.title = String(title);
  },
};

async function handle(frameId: string, method: string, payload: unknown): Promise<unknown> {
  const frame = frames.get(frameId);
  if (!frame) throw new Error(`Bridge call "${method}" came from a frame the shell no longer shows.`);
  const implementation = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (!implementation) {
    throw new Error(
      `The local Jira host does not implement the bridge method "${method}". It implements: ${Object.keys(methods).join(', ')}.`,
    );
  }
  return await implementation(frame, payload);
}

// ─── Frames ─────────────────────────────────────────────────────────────────

/** Delivers a Jira or app event to the subscribed frames (all of them unless one is excluded). */
export function emitToFrames(event: string, payload: unknown, exceptFrameId?: string): void {
  for (const subscription of [...subscriptions]) {
    const frame = frames.get(subscription.frameId);
    if (!frame || subscription.event !== event || subscription.frameId === exceptFrameId) continue;
    try {
      void Promise.resolve(subscription.callback(frame.toFrame(payload))).catch((error: unknown) => {
        frame.showError(`its ${event} handler failed: ${describeError(error)}`);
      });
    } catch (error) {
      frame.showError(`its ${event} handler failed: ${describeError(error)}`);
    }
  }
}

export function mountModuleFrame(spec: FrameSpec, title: string): MountedFrame {
  frameCounter += 1;
  const id = `forge-frame-${String(frameCounter)}`;
  const iframe = h('iframe', { src: spec.src, title, 'data-forge-frame-id': id, class: 'module-iframe' });
  const status = h('p', { class: 'module-loading', role: 'status' }, `Loading ${spec.module.title}…`);
  const errorSlot = h('div', { class: 'module-error', role: 'alert', hidden: true });
  const element = h(
    'div',
    { class: 'module-frame', 'data-state': 'loading', 'data-module-key': spec.module.key },
    errorSlot,
    status,
    iframe,
  );

  const record: FrameRecord = {
    id,
    spec,
    iframe,
    element,
    themed: false,
    toFrame(value) {
      if (value === undefined) return undefined;
      const frameJson = (iframe.contentWindow as (Window & typeof globalThis) | null)?.JSON ?? JSON;
      return frameJson.parse(JSON.stringify(value)) as unknown;
    },
    showError(message) {
      errorSlot.hidden = false;
      errorSlot.replaceChildren(
        h('strong', {}, `${spec.module.title} hit an error: `),
        message,
        h('span', { class: 'subtle' }, ' The browser console has the details.'),
      );
    },
    markReady() {
      element.dataset['state'] = 'ready';
      status.textContent = '';
    },
    destroy() {
      frames.delete(id);
      for (const subscription of [...subscriptions])
        if (subscription.frameId === id) subscriptions.delete(subscription);
      element.remove();
    },
  };
  iframe.addEventListener('load', () => {
    record.markReady();
  });
  frames.set(id, record);
  return record;
}

/** The surface local-bridge.js finds on `window.parent`. */
interface ForgeHostApi {
  handle(frameId: string, method: string, payload: unknown): Promise<unknown>;
  resize(frameId: string, height: number): void;
  reportError(frameId: string, message: string): void;
}

export function installForgeHost(): void {
  const forgeHost: ForgeHostApi = {
    handle,
    resize(frameId, height) {
      const frame = frames.get(frameId);
      if (!frame || !Number.isFinite(height)) return;
      frame.iframe.style.height = `${String(Math.min(Math.max(height, 0), maxFrameHeight))}px`;
    },
    reportError(frameId, message) {
      frames.get(frameId)?.showError(message);
    },
  };
  (window as unknown as { __forgeHost: ForgeHostApi }).__forgeHost = forgeHost;

  // Jira re-themes every themed iframe when the user switches theme; so does the shell.
  onSessionChange((now, changed) => {
    if (changed !== 'theme') return;
    for (const frame of frames.values()) {
      const root = frame.themed ? frame.iframe.contentDocument?.documentElement : undefined;
      if (root) applyTheme(root, now.colorMode);
    }
  });
}
