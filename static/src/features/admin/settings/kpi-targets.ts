import type { AppSettings, TARGETABLE_KPIS } from '../../../../../src/contract/site-config.schema';
import { numberFrom } from '../objectives/objective-draft';

export type TargetableKpi = (typeof TARGETABLE_KPIS)[number];
export type KpiTarget = NonNullable<AppSettings['kpiTargets'][TargetableKpi]>;

/**
 * How a KPI's threshold is typed and stored. Thresholds are stored in the KPI's own wire units
 * (kpi-figures.ts), so the gadget compares them as they are: ratios as decimals (entered as %),
 * percentages 0-100, money in the site currency, NPS as a score, value for money as a multiple.
 */
type Unit = 'ratio' | 'percent' | 'money' | 'score' | 'multiple';

interface KpiInfo {
  label: string;
  unit: Unit;
}

// A Record over the contract's list, so a KPI added there fails the type check until named here.
export const KPI_INFO: Record<TargetableKpi, KpiInfo> = {
  realisationRate: { label: 'Benefits realisation rate', unit: 'ratio' },
  roi: { label: 'ROI', unit: 'ratio' },
  expectedRoi: { label: 'Expected ROI', unit: 'ratio' },
  valueForMoney: { label: 'Value for money', unit: 'multiple' },
  npv: { label: 'NPV', unit: 'money' },
  npsAtCompletion: { label: 'NPS at completion', unit: 'score' },
  strategicGoalsAdvancedPct: { label: 'Strategic goals advanced', unit: 'percent' },
  strategicAlignmentPct: { label: 'Strategic alignment of spend', unit: 'percent' },
  verifiedShare: { label: 'Verified share of realised benefit', unit: 'ratio' },
};

export const KPI_ORDER = Object.keys(KPI_INFO) as TargetableKpi[];

export function unitLabel(unit: Unit, currency: string): string {
  switch (unit) {
    case 'ratio':
    case 'percent':
      return '%';
    case 'money':
      return currency;
    case 'score':
      return 'score −100 to 100';
    case 'multiple':
      return '× cost';
  }
}

/** Thresholds as typed in the form (ratios in %). */
export interface TargetDraft {
  green: string;
  amber: string;
  higherIsBetter: boolean;
}

/** Percentages and ratios to at most 6 decimals, without binary noise (0.07 x 100 = 7.000000000000001). */
export function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function shown(value: number, unit: Unit): string {
  return String(unit === 'ratio' ? tidy(value * 100) : value);
}

function stored(typed: number, unit: Unit): number {
  return unit === 'ratio' ? tidy(typed / 100) : typed;
}

export function targetDraftOf(kpi: TargetableKpi, target: KpiTarget | undefined): TargetDraft {
  if (target === undefined) return { green: '', amber: '', higherIsBetter: true };
  const { unit } = KPI_INFO[kpi];
  return {
    green: shown(target.green, unit),
    amber: shown(target.amber, unit),
    higherIsBetter: target.higherIsBetter,
  };
}

/** The stored target, `null` for none, or the problem to show. */
export function targetOf(
  kpi: TargetableKpi,
  draft: TargetDraft,
): { target: KpiTarget | null } | { error: string } {
  if (draft.green.trim() === '' && draft.amber.trim() === '') return { target: null };
  if (draft.green.trim() === '' || draft.amber.trim() === '')
    return { error: 'Enter both thresholds, or clear both for no target.' };
  const green = numberFrom(draft.green);
  const amber = numberFrom(draft.amber);
  if (!Number.isFinite(green) || !Number.isFinite(amber))
    return { error: 'Enter numbers for both thresholds.' };
  if (draft.higherIsBetter && green < amber)
    return { error: 'When higher is better, green must be at or above amber.' };
  if (!draft.higherIsBetter && green > amber)
    return { error: 'When lower is better, green must be at or below amber.' };
  const { unit } = KPI_INFO[kpi];
  return {
    target: { green: stored(green, unit), amber: stored(amber, unit), higherIsBetter: draft.higherIsBetter },
  };
}
