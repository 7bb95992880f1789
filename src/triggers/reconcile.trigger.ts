import { z } from 'zod';
import {
  reconcileStep as runReconcileStep,
  startReconcile as runStartReconcile,
} from '../application/rollup/reconcile';
import { onIssueChanged } from '../application/rollup/on-issue-changed';
import { refreshEpicBodySchema } from '../application/rollup/refresh-epic';
import { rollupContext } from './rollup-wiring';

/** Daily: re-derive every project's aggregate from Jira, fanned out over the async event queue. */
export async function startReconcile(): Promise<{ statusCode: number }> {
  await runStartReconcile(rollupContext());
  return { statusCode: 204 };
}

const stepBodySchema = z.object({
  runId: z.string().regex(/^[0-9TZ]+$/),
  projects: z.array(
    z.object({
      key: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
      exists: z.boolean(),
      pageToken: z.string().optional(),
      step: z.number().int().nonnegative().optional(),
    }),
  ),
});

/**
 * One event of the app's queue: a reconcile step (a few projects), or the roll-up refresh a save
 * queued for its epic. Forge retries an event whose handler throws.
 */
export async function reconcileStep(event: unknown): Promise<void> {
  const body = (event as { body?: unknown } | null)?.body;
  const refresh = refreshEpicBodySchema.safeParse(body);
  if (refresh.success) {
    await onIssueChanged(rollupContext(), { issueId: refresh.data.refreshEpic.issueId });
    return;
  }
  const parsed = stepBodySchema.safeParse(body);
  if (!parsed.success) {
    console.warn('Ignored a reconcile step of unknown shape', parsed.error.issues[0]);
    return;
  }
  const { runId, projects } = parsed.data;
  await runReconcileStep(rollupContext(), {
    runId,
    projects: projects.map(({ key, exists, pageToken, step }) => ({
      key,
      exists,
      ...(pageToken === undefined ? {} : { pageToken }),
      ...(step === undefined ? {} : { step }),
    })),
  });
}
