/**
 * An in-memory stand-in for the Custom UI host's `window.__bridge`. @forge/bridge reads it at
 * import time, so `setup-bridge.ts` installs it before any test module loads.
 */
export type BridgeHandler = (payload: unknown) => unknown;

export interface FakeBridge {
  calls: { method: string; payload: unknown }[];
  handlers: Map<string, BridgeHandler>;
  on(method: string, handler: BridgeHandler): void;
  reset(): void;
}

function defaultHandlers(): Map<string, BridgeHandler> {
  return new Map<string, BridgeHandler>([
    ['enableTheming', () => undefined],
    ['getContext', () => ({ accountId: 'user-1', extension: {}, locale: 'en-US', moduleKey: 'test' })],
  ]);
}

export const fakeBridge: FakeBridge = {
  calls: [],
  handlers: defaultHandlers(),
  on(method, handler) {
    this.handlers.set(method, handler);
  },
  reset() {
    this.calls = [];
    this.handlers = defaultHandlers();
  },
};

export function installFakeBridge(): void {
  (globalThis as { __bridge?: unknown }).__bridge = {
    callBridge: (method: string, payload?: unknown): Promise<unknown> => {
      fakeBridge.calls.push({ method, payload });
      const handler = fakeBridge.handlers.get(method);
      if (!handler) return Promise.reject(new Error(`The fake bridge has no handler for '${method}'.`));
      return Promise.resolve(handler(payload));
    },
  };
}
