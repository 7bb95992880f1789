import { Queue } from '@forge/events';
import type { WorkQueue } from '../../application/ports/work-queue';

/**
 * The app's one queue (manifest.yml `consumer` value-reconcile-consumer): reconcile steps, and the
 * roll-up refresh each save queues.
 */
export const ROLLUP_QUEUE = 'value-reconcile';

/** Forge takes at most 50 events per push. */
const EVENTS_PER_PUSH = 50;

/** `WorkQueue` on a Forge async event queue (a `consumer` in manifest.yml handles its events). */
export function forgeWorkQueue(key: string): WorkQueue {
  const queue = new Queue({ key });
  return {
    async push(bodies, options = {}) {
      const delay = options.delayInSeconds === undefined ? {} : { delayInSeconds: options.delayInSeconds };
      for (let start = 0; start < bodies.length; start += EVENTS_PER_PUSH) {
        await queue.push(bodies.slice(start, start + EVENTS_PER_PUSH).map((body) => ({ body, ...delay })));
      }
    },
  };
}
