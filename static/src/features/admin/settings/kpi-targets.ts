import type { AppSettings, TARGETABLE_KPIS } from '../../../../../src/contract/site-config.schema';
import {
  BUILT_IN_KPI_TARGETS,
  KPI_NAMES,
  THRESHOLD_NAMES,
} from '../../../../../src/contract/value-vocabulary';
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

// A Record over the contract's list, so a KPI added there fails the type check until given a unit.
// Names are the shared vocabulary's (value-vocabulary.ts), as the gadget and the docs say them.
export const KPI_INFO: Record<TargetableKpi, KpiInfo> = {
  realisationRate: { label: KPI_NAMES.realisationRate, unit: 'ratio' },
  roi: { label: KPI_NAMES.roi, unit: 'ratio' },
  expectedRoi: { label: KPI_NAMES.expectedRoi, unit: 'ratio' },
  valueForMoney: { label: KPI_NAMES.valueForMoney, unit: 'multiple' },
  npv: { label: KPI_NAMES.npv, unit: 'money' },
  npsAtCompletion: { label: KPI_NAMES.npsAtCompletion, unit: 'score' },
  strategicGoalsAdvancedPct: { label: KPI_NAMES.strategicGoalsAdvancedPct, unit: 'percent' },
  strategicAlignmentPct: { label: KPI_NAMES.strategicAlignmentPct, unit: 'percent' },
  verifiedShare: { label: KPI_NAMES.verifiedShare, unit: 'ratio' },
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
  const [onTarget, atRisk] = [THRESHOLD_NAMES.green.toLowerCase(), THRESHOLD_NAMES.amber.toLowerCase()];
  if (draft.higherIsBetter && green < amber)
    return { error: `When higher is better, “${onTarget}” must be at or above “${atRisk}”.` };
  if (!draft.higherIsBetter && green > amber)
    return { error: `When lower is better, “${onTarget}” must be at or below “${atRisk}”.` };
  const { unit } = KPI_INFO[kpi];
  return {
    target: { green: stored(green, unit), amber: stored(amber, unit), higherIsBetter: draft.higherIsBetter },
  };
}

/** The built-in target a KPI falls back to when no admin default is set, as the form shows it. */
export function builtInDraftOf(kpi: TargetableKpi): TargetDraft | null {
  const builtIn = (BUILT_IN_KPI_TARGETS as Partial<Record<TargetableKpi, KpiTarget>>)[kpi];
  return builtIn === undefined ? null : targetDraftOf(kpi, builtIn);
}

/** "On target at 90%, at risk at 70%, higher is better": a built-in target in words. */
export function builtInText(kpi: TargetableKpi, currency: string): string {
  const draft = builtInDraftOf(kpi);
  if (draft === null) return 'No built-in target';
  const amount = (typed: string): string => {
    switch (KPI_INFO[kpi].unit) {
      case 'ratio':
      case 'percent':
        return `${typed}%`;
      case 'money':
        return `${typed} ${currency}`;
      case 'multiple':
        return `${typed}×`;
      case 'score':
        return typed;
    }
  };
  return `${THRESHOLD_NAMES.green} ${amount(draft.green)}, ${THRESHOLD_NAMES.amber.toLowerCase()} ${amount(draft.amber)}`;
}
