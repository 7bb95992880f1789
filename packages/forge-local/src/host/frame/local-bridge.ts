/**
 * Served as /local-bridge.js and put first in every module's <head>, as Forge puts its
 * global-bridge.js there: @forge/bridge reads `globalThis.__bridge.callBridge` when it is imported,
 * so it must exist before the module's own scripts run (forge-platform.md §2.6).
 *
 * The iframe is same-origin with the shell, so callBridge calls straight into the shell's
 * `window.__forgeHost`; functions in payloads (event callbacks, flag actions) pass through as
 * they would over Forge's own channel. It also reports the content height so the shell can size
 * the iframe, as Forge's iframeResizer script does, and the module's uncaught errors, so the
 * shell can show them on the frame instead of a blank space.
 *
 * A classic script (no imports or exports), wrapped so that it declares no globals.
 */
(() => {
  interface ForgeHost {
    handle(frameId: string, method: string, payload: unknown): Promise<unknown>;
    resize(frameId: string, height: number): void;
    reportError(frameId: string, message: string): void;
  }

  const frameId = window.frameElement?.getAttribute('data-forge-frame-id') ?? null;
  let host: ForgeHost | undefined;
  try {
    host = (window.parent as unknown as { __forgeHost?: ForgeHost }).__forgeHost;
  } catch {
    host = undefined; // a cross-origin parent: not our shell
  }

  /**
   * Values built by the shell belong to the shell's JavaScript realm; a library in the module that
   * checks `Object.getPrototypeOf(x) === Object.prototype` or `instanceof Array` would reject
   * them. Plain data is therefore copied into this realm; objects with methods (a history, a
   * subscription) are live and pass as they are.
   */
  function toLocal(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(toLocal);
    if (value === null || typeof value !== 'object') return value;
    if (Object.prototype.toString.call(value) !== '[object Object]') return value;
    const entries = Object.entries(value);
    if (entries.some(([, v]) => typeof v === 'function')) return value;
    return Object.fromEntries(entries.map(([k, v]) => [k, toLocal(v)]));
  }

  function toLocalError(error: unknown): Error {
    const message =
      typeof error === 'object' && error !== null && 'message' in error
        ? String(error.message)
        : String(error);
    return new Error(message);
  }

  async function callBridge(method: string, payload?: unknown): Promise<unknown> {
    if (!host || frameId === null) {
      throw new Error(
        `Custom UI bridge call "${method}" failed: this page only works inside the local Jira host; open the host's URL (npm start prints it) instead of the module on its own.`,
      );
    }
    try {
      return toLocal(await host.handle(frameId, method, payload));
    } catch (error) {
      throw toLocalError(error);
    }
  }

  (window as unknown as { __bridge: unknown }).__bridge = { callBridge };

  if (host && frameId !== null) {
    const shell = host;
    const id = frameId;
    let last = -1;
    const report = (): void => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        shell.resize(id, height);
      }
    };
    new ResizeObserver(report).observe(document.documentElement);
    window.addEventListener('load', report);

    // Uncaught errors would otherwise leave a blank frame; the shell shows them on the frame.
    window.addEventListener('error', (event) => {
      // Chrome reports this benign ResizeObserver notice as an error event; it is not the module's.
      if (event.message.includes('ResizeObserver loop')) return;
      shell.reportError(id, event.message || 'an uncaught error');
    });
    window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
      shell.reportError(id, toLocalError(event.reason).message);
    });
  }
})();
