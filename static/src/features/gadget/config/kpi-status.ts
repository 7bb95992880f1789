import { KPI_STATUS_NAMES } from '../../../../../src/contract/value-vocabulary';
import type { KpiTarget } from './gadget-config';

export type KpiStatus = 'on-target' | 'at-risk' | 'off-target';

export const STATUS_LABEL: Record<KpiStatus, string> = KPI_STATUS_NAMES;

/**
 * On target at or beyond `green`, at risk at or beyond `amber`, off target otherwise; "beyond" is upwards
 * when higher is better and downwards when lower is (the admin settings' rule).
 */
export function statusOf(value: number, target: KpiTarget): KpiStatus {
  const atLeast = (bound: number) => (target.higherIsBetter ? value >= bound : value <= bound);
  if (atLeast(target.green)) return 'on-target';
  if (atLeast(target.amber)) return 'at-risk';
  return 'off-target';
}
