import type { MinorUnits } from '../money/minor-units';
import type { BenefitKind, MonthlyAmount } from './benefit';

/** One benefit's plan as it was approved. */
export interface BaselineBenefit<TAmount = MinorUnits> {
  readonly id: string;
  readonly kind: BenefitKind;
  readonly planned: readonly MonthlyAmount<TAmount>[];
}

/**
 * An epic's plan frozen when an approver approved it (Managing Benefits' approved business case;
 * the UK Green Book's "baseline"): the planned benefits and costs and the success probability of
 * that moment. Version 1 is the first approval; each re-baselining adds one and needs a reason.
 * The current baseline travels with the epic's value record; earlier versions are kept in the
 * app's storage (`baselineHistoryKey`).
 */
export interface ApprovedBaseline<TAmount = MinorUnits> {
  readonly version: number;
  /** Account id of the approver. */
  readonly approvedBy: string;
  /** ISO 8601 instant of the approval, from the server's clock. */
  readonly approvedAt: string;
  /** Why the plan was re-baselined; required from version 2 on, absent on version 1. */
  readonly reason?: string;
  readonly successProbability: number;
  readonly benefits: readonly BaselineBenefit<TAmount>[];
  readonly plannedCost: readonly MonthlyAmount<TAmount>[];
}

/** Why a plan cannot be approved as a baseline. */
export type BaselineRefusal = 'REASON_REQUIRED' | 'NOTHING_PLANNED';

/**
 * Freezes `plan` as the next baseline after `previous` (none: version 1). Re-baselining (a
 * previous baseline exists) needs a non-blank reason, so that the history says why the yardstick
 * moved; a plan with no planned benefit and no planned cost has nothing to approve.
 */
export function nextBaseline<TAmount>({
  plan,
  previous,
  approvedBy,
  approvedAt,
  reason,
}: {
  plan: {
    readonly successProbability: number;
    readonly benefits: readonly {
      id: string;
      kind: BenefitKind;
      planned: readonly MonthlyAmount<TAmount>[];
    }[];
    readonly costs: { readonly planned: readonly MonthlyAmount<TAmount>[] };
  };
  previous: ApprovedBaseline<TAmount> | undefined;
  approvedBy: string;
  approvedAt: string;
  reason: string | undefined;
}): { baseline: ApprovedBaseline<TAmount> } | { refused: BaselineRefusal } {
  const trimmed = reason?.trim() ?? '';
  if (previous !== undefined && trimmed === '') return { refused: 'REASON_REQUIRED' };
  const hasPlan =
    plan.costs.planned.length > 0 || plan.benefits.some((benefit) => benefit.planned.length > 0);
  if (!hasPlan) return { refused: 'NOTHING_PLANNED' };
  return {
    baseline: {
      version: (previous?.version ?? 0) + 1,
      approvedBy,
      approvedAt,
      ...(trimmed === '' ? {} : { reason: trimmed }),
      successProbability: plan.successProbability,
      benefits: plan.benefits.map((benefit) => ({
        id: benefit.id,
        kind: benefit.kind,
        planned: benefit.planned.map((entry) => ({ month: entry.month, amount: entry.amount })),
      })),
      plannedCost: plan.costs.planned.map((entry) => ({ month: entry.month, amount: entry.amount })),
    },
  };
}
