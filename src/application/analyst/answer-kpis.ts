import type { KpiFigures } from '../../contract/kpi-figures';

/**
 * The KPIs from realised benefit to NPV, which both the epic summary and the portfolio answer
 * quote, in the order the Value panel and the gadget list them; each answer adds its own.
 */
export const BENEFIT_COST_RETURN_KPIS = [
  'realisedBenefit',
  'realisationRate',
  'actualCost',
  'forecastCost',
  'riskAdjustedBenefit',
  'roi',
  'expectedRoi',
  'npv',
] as const;

/**
 * The named KPIs of `kpis`, in the order named: an answer's figures carry only the KPIs its text
 * quotes, and in that order, so the agent reads them as the user does.
 */
export function kpiFiguresOf<Name extends keyof KpiFigures>(
  kpis: Pick<KpiFigures, Name>,
  names: readonly Name[],
): Pick<KpiFigures, Name> {
  // Object.fromEntries types its keys as string; `names` are exactly the keys of the result.
  return Object.fromEntries(names.map((name) => [name, kpis[name]])) as Pick<KpiFigures, Name>;
}
