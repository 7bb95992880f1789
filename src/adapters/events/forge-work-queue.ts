import { Queue } from '@forge/events';
import type { WorkQueue } from '../../application/ports/work-queue';

/** Forge takes at most 50 events per push. */
const EVENTS_PER_PUSH = 50;

/** `WorkQueue` on a Forge async event queue (a `consumer` in manifest.yml handles its events). */
export function forgeWorkQueue(key: string): WorkQueue {
  const queue = new Queue({ key });
  return {
    async push(bodies) {
      for (let start = 0; start < bodies.length; start += EVENTS_PER_PUSH) {
        await queue.push(bodies.slice(start, start + EVENTS_PER_PUSH).map((body) => ({ body })));
      }
    },
  };
}
