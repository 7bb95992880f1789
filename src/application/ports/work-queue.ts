/** Forge's async event queue (`@forge/events`): each body is handled later, in its own invocation. */
export interface WorkQueue {
  push(bodies: readonly Record<string, unknown>[], options?: { delayInSeconds?: number }): Promise<void>;
}
