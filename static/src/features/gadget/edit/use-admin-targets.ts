import type { AdminTargets } from '../config/effective-target';
import { useRetryableLoad, type LoadState } from './use-retryable-load';

export type AdminTargetsState = LoadState<AdminTargets>;

/** Loads the admin's default targets once per attempt, keeping a failure to show and retry. */
export function useAdminTargets(load: () => Promise<AdminTargets>): [AdminTargetsState, () => void] {
  return useRetryableLoad(load);
}
