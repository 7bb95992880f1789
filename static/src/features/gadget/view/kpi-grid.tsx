import type { KpiFigures } from '../../../../../src/contract/kpi-figures';
import { formatMoney, formatMonth, formatRatio } from '../../../shared/format';
import { effectiveTarget, type AdminTargets } from '../config/effective-target';
import type { GadgetConfig } from '../config/gadget-config';
import type { DrillKpi } from '../../../../../src/contract/kpi-drill-down';
import { isKpiTile, TILES, type TileFigures, type TileId } from '../config/kpi-tiles';
import type { RangesView } from '../../../../../src/contract/ranges.contract';
import { benefitRangeText, npvRangeText } from '../config/range-text';
import { npvRangeWarning } from '../config/npv-range-status';
import { KpiTile } from './kpi-tile';
import { ReviewsTile } from './reviews-tile';

/** The figures that put a tile's value in context. */
export function tileDetail(id: DrillKpi, figures: KpiFigures, currency: string): string | undefined {
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
  switch (id) {
    case 'realisedBenefit':
      return `of ${money(figures.plannedBenefitToDate)} planned to date (${money(figures.plannedBenefit)} in all)`;
    case 'disBenefitRealised':
      // Realised benefit is net of it: the sum before the subtraction is realised + dis-benefit.
      return figures.disBenefitRealised === 0
        ? 'none realised: nothing taken off realised benefit'
        : `reduces net benefit: ${money(figures.realisedBenefit + figures.disBenefitRealised)} realised before it, ${money(figures.realisedBenefit)} after`;
    case 'realisationRate':
      return `${money(figures.realisedBenefit)} of ${money(figures.plannedBenefitToDate)} planned to date`;
    case 'baselineRealisationRate':
      return `of the approved plan to date; ${formatRatio(figures.realisationRate)} of the current plan`;
    case 'forecastDrift':
      return 'current plan against the approved baselines';
    case 'roi':
      return `on ${money(figures.actualCost)} actual cost`;
    case 'expectedRoi':
      return `on ${money(figures.forecastCost)} forecast cost`;
    case 'npv':
      return figures.paybackMonth ? `Pays back ${formatMonth(figures.paybackMonth)}` : 'No payback month';
    case 'irr':
      return `a year, on the monthly cash flows of ${String(figures.epics)} epics`;
    case 'mirr':
      return `a year, reinvested at the discount rate`;
    case 'paybackMonth':
      return `when the cash flow of ${String(figures.epics)} epics turns positive`;
    case 'discountedPaybackMonth':
      return `as payback, on discounted cash flows`;
    case 'valueForMoney':
      return `${money(figures.riskAdjustedBenefit)} risk-adjusted for ${money(figures.forecastCost)}`;
    default:
      return undefined;
  }
}

/** The risk range line of a tile that has one (NPV, realised benefit). */
export function tileRange(id: DrillKpi, ranges: RangesView | undefined): string | undefined {
  if (ranges === undefined) return undefined;
  if (id === 'npv') return npvRangeText(ranges);
  if (id === 'realisedBenefit') return benefitRangeText(ranges);
  return undefined;
}

export function KpiGrid({
  config,
  source,
  currency,
  adminTargets,
  refreshKey,
  ranges,
  onDrill,
}: {
  config: GadgetConfig;
  source: TileFigures;
  currency: string;
  /** Changes when the dashboard asks for fresh figures: the reviews tile fetches its own. */
  refreshKey: string;
  /** The admin's default targets, for the tiles the gadget's editor left to inherit. */
  adminTargets: AdminTargets;
  /** The scope's risk ranges, once simulated (and when the gadget shows them). */
  ranges?: RangesView | undefined;
  /** Opens the epics (or objectives) behind a tile. */
  onDrill: (id: TileId) => void;
}) {
  if (config.tiles.length === 0) return null;
  return (
    <section aria-labelledby="kpis-heading" className="vl-section">
      <h2 id="kpis-heading" className="vl-visually-hidden">
        Key figures
      </h2>
      <ul className="vl-tiles">
        {config.tiles.map((id) => {
          if (!isKpiTile(id))
            return (
              <ReviewsTile
                key={id}
                scope={config.scope}
                refreshKey={refreshKey}
                onDrill={() => {
                  onDrill(id);
                }}
              />
            );
          const { target, source: targetSource } = effectiveTarget(id, config.targets, adminTargets);
          return (
            <KpiTile
              key={id}
              tile={TILES[id]}
              source={source}
              currency={currency}
              target={target ?? undefined}
              targetSource={targetSource}
              // A value's context, not a null's: the tile then says why there is none.
              detail={TILES[id].value(source) === null ? undefined : tileDetail(id, source.figures, currency)}
              range={tileRange(id, ranges)}
              rangeWarning={id === 'npv' ? npvRangeWarning(ranges) : undefined}
              onDrill={() => {
                onDrill(id);
              }}
            />
          );
        })}
      </ul>
    </section>
  );
}
