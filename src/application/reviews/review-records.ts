import { z } from 'zod';
import { accountIdSchema, instantSchema } from '../../contract/benefit-profile.schema';
import { calendarDateSchema } from '../../contract/primitives.schema';
import type { KeyValueStore } from '../ports/key-value-store';
import { reviewClosedKey, reviewNoticeKey, reviewScheduleKey } from '../storage-keys';

/*
 * What the app stores about an epic's benefit reviews, one writer per key (storage-keys.ts). Each
 * record carries `schema`; a record this version cannot read (damaged, or written by a newer
 * version) is left as it is and treated as absent by readers that only look, never overwritten.
 */

/** Written once, when the epic is first seen Done: the reviews and the facts they were dated from. */
export const reviewScheduleSchema = z.object({
  schema: z.literal(1),
  issueId: z.string().min(1),
  issueKey: z.string().min(1),
  projectKey: z.string().min(1),
  parentKey: z.string().nullable(),
  summary: z.string(),
  doneAt: instantSchema,
  timeZone: z.string().min(1),
  scheduledAt: instantSchema,
  reviews: z.array(z.object({ offsetMonths: z.number().int().min(1), dueDate: calendarDateSchema })),
});
export type ReviewSchedule = z.infer<typeof reviewScheduleSchema>;

/**
 * The notifier's own record of one review. `sending` is written with the idempotency key before
 * Jira is asked to post; `sent` after. A run that finds `sending` looks for the comment carrying
 * that key before posting again (notify-due-reviews.ts).
 */
export const reviewNoticeSchema = z.discriminatedUnion('state', [
  z.object({
    schema: z.literal(1),
    state: z.literal('sending'),
    key: z.string().min(1),
    startedAt: instantSchema,
  }),
  z.object({
    schema: z.literal(1),
    state: z.literal('sent'),
    key: z.string().min(1),
    at: instantSchema,
    commentId: z.string().min(1),
    owners: z.array(accountIdSchema),
  }),
]);
export type ReviewNotice = z.infer<typeof reviewNoticeSchema>;

/** Who closed a review, when, what they found, and the value revision their actuals made. */
export const reviewClosureSchema = z.object({
  schema: z.literal(1),
  at: instantSchema,
  by: accountIdSchema,
  note: z.string(),
  realisedEntries: z.number().int().min(0),
  revision: z.number().int().min(0),
});
export type ReviewClosure = z.infer<typeof reviewClosureSchema>;

/** An open review in the due-date index: enough to list it without reading the schedule. */
export const openReviewEntrySchema = z.object({
  issueId: z.string().min(1),
  issueKey: z.string().min(1),
  projectKey: z.string().min(1),
  parentKey: z.string().nullable(),
  summary: z.string(),
  offsetMonths: z.number().int().min(1),
  dueDate: calendarDateSchema,
});
export type OpenReviewEntry = z.infer<typeof openReviewEntrySchema>;

/** A stored record read with its schema: the record, absent, or present but unreadable. */
export type Read<T> = { state: 'absent' } | { state: 'read'; record: T } | { state: 'unreadable' };

function readWith<T>(schema: z.ZodType<T>, value: unknown): Read<T> {
  if (value === undefined) return { state: 'absent' };
  const parsed = schema.safeParse(value);
  return parsed.success ? { state: 'read', record: parsed.data } : { state: 'unreadable' };
}

export const readSchedule = (value: unknown) => readWith(reviewScheduleSchema, value);
export const readNotice = (value: unknown) => readWith(reviewNoticeSchema, value);
export const readClosure = (value: unknown) => readWith(reviewClosureSchema, value);

/** The idempotency key of one review's notice: the same for every run that handles that review. */
export function noticeKeyOf(issueId: string, offsetMonths: number): string {
  return `${issueId}:${String(offsetMonths)}`;
}

/** Everything stored about one epic's reviews, read in one batch. */
export async function readEpicReviews(
  store: KeyValueStore,
  issueId: string,
): Promise<{
  schedule: Read<ReviewSchedule>;
  notices: Map<number, Read<ReviewNotice>>;
  closures: Map<number, Read<ReviewClosure>>;
}> {
  const schedule = readSchedule(await store.get(reviewScheduleKey({ issueId })));
  if (schedule.state !== 'read') return { schedule, notices: new Map(), closures: new Map() };
  const offsets = schedule.record.reviews.map((review) => review.offsetMonths);
  const values = await store.getMany(
    offsets.flatMap((offsetMonths) => [
      reviewNoticeKey({ issueId, offsetMonths }),
      reviewClosedKey({ issueId, offsetMonths }),
    ]),
  );
  return {
    schedule,
    notices: new Map(
      offsets.map((offsetMonths) => [
        offsetMonths,
        readNotice(values.get(reviewNoticeKey({ issueId, offsetMonths }))),
      ]),
    ),
    closures: new Map(
      offsets.map((offsetMonths) => [
        offsetMonths,
        readClosure(values.get(reviewClosedKey({ issueId, offsetMonths }))),
      ]),
    ),
  };
}
