import { epicValueSchema, type EpicValueDocument } from '../../contract/epic-value.schema';
import { queryAll, type KeyValueStore } from '../ports/key-value-store';
import { baselineHistoryKey, baselineHistoryPrefix } from '../storage-keys';

type Baseline = NonNullable<EpicValueDocument['baseline']>;
const baselineSchema = epicValueSchema.shape.baseline.unwrap();

/**
 * Files the baseline a new one replaces, under its version, before the new one is written: the
 * value record carries only the current baseline (it must stay within Jira's size limit), so the
 * earlier ones live here. Nothing is filed when nothing is replaced, or the same one is kept.
 */
export async function keepReplacedBaseline(
  store: KeyValueStore,
  { issueId, replaced, by }: { issueId: string; replaced: Baseline | undefined; by: Baseline | undefined },
): Promise<void> {
  if (replaced === undefined || JSON.stringify(replaced) === JSON.stringify(by)) return;
  await store.set(baselineHistoryKey({ issueId, version: replaced.version }), replaced);
}

/**
 * The epic's earlier baselines, oldest first: those filed below the current version. One filed
 * by a write that then failed (or was rolled back) has a version at or above the current one and
 * is not history. An entry the app cannot read is left out.
 */
export async function baselineHistory(
  store: KeyValueStore,
  { issueId, current }: { issueId: string; current: { readonly version: number } | undefined },
): Promise<Baseline[]> {
  if (current === undefined) return [];
  const entries = await queryAll(store, baselineHistoryPrefix({ issueId }));
  return entries
    .flatMap((entry) => {
      const parsed = baselineSchema.safeParse(entry.value);
      return parsed.success ? [parsed.data] : [];
    })
    .filter((baseline) => baseline.version < current.version)
    .sort((a, b) => a.version - b.version);
}
