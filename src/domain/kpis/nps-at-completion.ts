import type { ValueTotals } from '../totals/value-totals';
import { computed, notComputable, type Kpi } from './kpi';

/**
 * NPS at completion: 100 x (Σ promoters - Σ detractors) / Σ responses, over the epics with status
 * `done` and at least one response. Survey counts are pooled, so an epic with 200 responses
 * weighs more than one with 2.
 *
 * Units: a score from -100 to 100.
 * Example: one done epic with 40 promoters, 30 passives, 10 detractors
 *   -> 100 x (40 - 10) / 80 = 37.5.
 * Edge cases: no done epic with responses -> not computable, `NO_NPS_RESPONSES`. Responses of
 * epics that are not done are ignored. Independent of the as-of month: status is current.
 */
export function npsAtCompletion({ totals }: { totals: ValueTotals }): Kpi<number, 'NO_NPS_RESPONSES'> {
  const { promoters, passives, detractors } = totals.npsOfDoneEpics;
  const responses = promoters + passives + detractors;
  return responses === 0
    ? notComputable('NO_NPS_RESPONSES')
    : computed((100 * (promoters - detractors)) / responses);
}
