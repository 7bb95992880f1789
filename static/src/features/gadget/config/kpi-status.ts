import type { KpiTarget } from './gadget-config';

export type KpiStatus = 'on-target' | 'at-risk' | 'off-target';

export const STATUS_LABEL: Record<KpiStatus, string> = {
  'on-target': 'On target',
  'at-risk': 'At risk',
  'off-target': 'Off target',
};

/**
 * Green at or beyond `green`, amber at or beyond `amber`, red otherwise; "beyond" is upwards
 * when higher is better and downwards when lower is (the admin settings' rule).
 */
export function statusOf(value: number, target: KpiTarget): KpiStatus {
  const atLeast = (bound: number) => (target.higherIsBetter ? value >= bound : value <= bound);
  if (atLeast(target.green)) return 'on-target';
  if (atLeast(target.amber)) return 'at-risk';
  return 'off-target';
}
