import { z } from 'zod';
import { PLANNING_JOB_STEPS } from '../application/planning/jobs/planning-job-steps';
import { runPlanningJobStep } from '../application/planning/jobs/planning-jobs';
import { planningJobContext } from './planning-job-wiring';

const stepEventSchema = z.object({
  body: z.object({ planningJob: z.object({ jobId: z.uuid(), seq: z.number().int().nonnegative() }) }),
  eventId: z.string().optional(),
});

/** The invocation's user: the one whose invocation pushed the event (absent when none did). */
function principalOf(context: unknown): string | undefined {
  const accountId = (context as { principal?: { accountId?: unknown } } | null | undefined)?.principal
    ?.accountId;
  return typeof accountId === 'string' && accountId !== '' ? accountId : undefined;
}

/**
 * One step of a value planning job (issue #16), delivered by Forge's async event queue
 * (developer.atlassian.com/platform/forge/runtime-reference/async-events-api): the step runs as
 * the user who pushed it. A step that throws is retried by Forge from the job's last saved step.
 */
export async function planningJobStep(event: unknown, context: unknown): Promise<void> {
  const parsed = stepEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('Ignored a planning job event of unknown shape', parsed.error.issues[0]);
    return;
  }
  const { body, eventId } = parsed.data;
  await runPlanningJobStep(
    planningJobContext(principalOf(context)),
    body.planningJob,
    PLANNING_JOB_STEPS,
    eventId ?? globalThis.crypto.randomUUID(),
  );
}
