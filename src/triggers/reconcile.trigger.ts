import { z } from 'zod';
import {
  reconcileStep as runReconcileStep,
  startReconcile as runStartReconcile,
} from '../application/rollup/reconcile';
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

/** One reconcile step (a few projects); Forge retries a step that throws. */
export async function reconcileStep(event: unknown): Promise<void> {
  const parsed = stepBodySchema.safeParse((event as { body?: unknown } | null)?.body);
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
