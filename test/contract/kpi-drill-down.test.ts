import type { EpicRow } from '../../src/contract/gadget.contract';
import type { KpiFigures } from '../../src/contract/kpi-figures';
import {
  DRILL_KPIS,
  KPI_DRILL_DOWNS,
  columnTotal,
  isBehind,
  reconciledFigure,
} from '../../src/contract/kpi-drill-down';
import { EMPTY_KPIS } from '../fixtures/empty-kpi-figures';

function row(key: string, kpis: Partial<KpiFigures>, drill: Partial<EpicRow['drill']> = {}): EpicRow {
  return {
    key,
    summary: key,
    project: 'PAY',
    programme: null,
    status: 'done',
    successProbability: 1,
    kpis: { ...EMPTY_KPIS, ...kpis },
    drill: {
      verifiedRealised: 0,
      grossRealisedBenefit: kpis.realisedBenefit ?? 0,
      alignedForecastCost: 0,
      nps: null,
      baseline: null,
      ...drill,
    },
    finishing: null,
  };
}

describe('KPI_DRILL_DOWNS', () => {
  it('shows each epic KPI tile its own figure as the first column', () => {
    for (const kpi of DRILL_KPIS) {
      const { columns, reconciles } = KPI_DRILL_DOWNS[kpi];
      if (reconciles.kind === 'objectives') expect(columns).toEqual([]);
      else if (kpi === 'strategicAlignmentPct') expect(columns[0]).toBe('alignedForecastCost');
      else expect(columns[0]).toBe(kpi);
    }
  });
});

describe('columnTotal', () => {
  it('adds money in minor units, so 0.1 + 0.2 is 0.3', () => {
    const rows = [row('A', { realisedBenefit: 0.1 }), row('B', { realisedBenefit: 0.2 })];
    expect(columnTotal(rows, 'realisedBenefit', 2)).toBe(0.3);
  });
});

describe('reconciledFigure', () => {
  it('rebuilds a return from the totals, not from the average of the epics’ returns', () => {
    const rows = [
      row('A', { realisedBenefit: 300, actualCost: 100, roi: 2 }),
      row('B', { realisedBenefit: 0, actualCost: 900, roi: -1 }),
    ];
    // (300 − 1,000) ÷ 1,000 = −0.7; the mean of 2 and −1 would be 0.5.
    expect(reconciledFigure(rows, KPI_DRILL_DOWNS.roi.reconciles, 2)).toBeCloseTo(-0.7, 12);
  });

  it('pools NPS survey counts as the tile does', () => {
    const rows = [
      row('A', {}, { nps: { promoters: 40, detractors: 10, responses: 80 } }),
      row('B', {}, { nps: { promoters: 0, detractors: 20, responses: 20 } }),
    ];
    // 100 × (40 − 30) ÷ 100 = 10.
    expect(reconciledFigure(rows, KPI_DRILL_DOWNS.npsAtCompletion.reconciles, 2)).toBe(10);
  });

  it('gives alignment in percent and null over a zero forecast cost', () => {
    const aligned = [
      row('A', { forecastCost: 2600 }, { alignedForecastCost: 1300 }),
      row('B', { forecastCost: 800 }),
    ];
    expect(reconciledFigure(aligned, KPI_DRILL_DOWNS.strategicAlignmentPct.reconciles, 2)).toBeCloseTo(
      38.2353,
      4,
    );
    expect(reconciledFigure([row('C', {})], KPI_DRILL_DOWNS.strategicAlignmentPct.reconciles, 2)).toBeNull();
  });
  it('rebuilds realisation against baseline from the baselined epics only, not from all realised benefit', () => {
    const baseline = (realised: number, approvedToDate: number) => ({
      realisedBenefit: realised,
      approvedPlannedBenefitToDate: approvedToDate,
      approvedPlannedBenefit: 4 * approvedToDate,
      currentPlannedBenefit: 0,
    });
    const rows = [
      row('A', { realisedBenefit: 600 }, { baseline: baseline(600, 2000) }),
      row('B', { realisedBenefit: 400 }, { baseline: baseline(400, 500) }),
      row('C', { realisedBenefit: 5000, plannedBenefitToDate: 100 }),
    ];
    // (600 + 400) ÷ (2,000 + 500) = 0.4; C has no baseline and adds to neither side.
    expect(reconciledFigure(rows, KPI_DRILL_DOWNS.baselineRealisationRate.reconciles, 2)).toBeCloseTo(
      0.4,
      12,
    );
  });

  it('rebuilds forecast drift as (current − approved) ÷ approved, negative when the plan shrank', () => {
    const drifted = (current: number, approved: number) => ({
      realisedBenefit: 0,
      approvedPlannedBenefitToDate: 0,
      approvedPlannedBenefit: approved,
      currentPlannedBenefit: current,
    });
    const rows = [
      row('A', {}, { baseline: drifted(2000, 4000) }),
      row('B', {}, { baseline: drifted(1500, 1000) }),
    ];
    // (3,500 − 5,000) ÷ 5,000 = −0.3.
    expect(reconciledFigure(rows, KPI_DRILL_DOWNS.forecastDrift.reconciles, 2)).toBeCloseTo(-0.3, 12);
  });

  it('adds dis-benefits up as sizes, and each is what separates realised before dis-benefits from realised', () => {
    const rows = [
      row('A', { realisedBenefit: 600, disBenefitRealised: 300 }, { grossRealisedBenefit: 900 }),
      row('B', { realisedBenefit: 400, disBenefitRealised: 100 }, { grossRealisedBenefit: 500 }),
    ];
    expect(reconciledFigure(rows, KPI_DRILL_DOWNS.disBenefitRealised.reconciles, 2)).toBe(400);
    expect(columnTotal(rows, 'grossRealisedBenefit', 2) - columnTotal(rows, 'realisedBenefit', 2)).toBe(400);
  });

  it('gives no rate over a net plan below zero, as the tile gives none (NET_PLAN_NEGATIVE)', () => {
    const rows = [row('A', { realisedBenefit: -100, plannedBenefitToDate: -200 })];
    expect(reconciledFigure(rows, KPI_DRILL_DOWNS.realisationRate.reconciles, 2)).toBeNull();
  });
});

describe('isBehind', () => {
  it('keeps an epic behind cost avoidance only when it realised some', () => {
    expect(isBehind(row('A', { costAvoidanceRealised: 5 }), 'costAvoidanceRealised')).toBe(true);
    expect(isBehind(row('B', { realisedBenefit: 500 }), 'costAvoidanceRealised')).toBe(false);
  });

  it('keeps behind a ratio an epic that adds to its numerator or its denominator', () => {
    expect(isBehind(row('A', { actualCost: 100 }), 'roi')).toBe(true);
    expect(isBehind(row('B', { realisedBenefit: 100 }), 'roi')).toBe(true);
    expect(isBehind(row('C', { forecastCost: 100 }), 'roi')).toBe(false);
  });

  it('keeps behind the baseline KPIs only an epic with an approved baseline', () => {
    const planned = row('A', { realisedBenefit: 500, plannedBenefit: 2000, plannedBenefitToDate: 1000 });
    const baselined = row(
      'B',
      {},
      {
        baseline: {
          realisedBenefit: 0,
          approvedPlannedBenefitToDate: 0,
          approvedPlannedBenefit: 1000,
          currentPlannedBenefit: 1000,
        },
      },
    );
    expect(isBehind(planned, 'baselineRealisationRate')).toBe(false);
    expect(isBehind(planned, 'forecastDrift')).toBe(false);
    expect(isBehind(baselined, 'forecastDrift')).toBe(true);
    // Nothing approved or realised up to as-of yet: it adds nothing to realisation against baseline.
    expect(isBehind(baselined, 'baselineRealisationRate')).toBe(false);
  });
});
