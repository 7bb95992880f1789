import type { EpicRow } from '../../src/contract/gadget.contract';
import type { KpiFigures } from '../../src/contract/kpi-figures';
import {
  DRILL_KPIS,
  KPI_DRILL_DOWNS,
  columnTotal,
  isBehind,
  reconciledFigure,
} from '../../src/contract/kpi-drill-down';

const ZERO: KpiFigures = {
  epics: 1,
  plannedBenefit: 0,
  plannedBenefitToDate: 0,
  realisedBenefit: 0,
  disBenefitRealised: 0,
  realisationRate: null,
  baselineRealisationRate: null,
  forecastDrift: null,
  costBudget: 0,
  actualCost: 0,
  forecastCost: 0,
  riskAdjustedBenefit: 0,
  roi: null,
  expectedRoi: null,
  valueForMoney: null,
  npv: 0,
  paybackMonth: null,
  discountedPaybackMonth: null,
  irr: null,
  mirr: null,
  costAvoidanceRealised: 0,
  costSavingRealised: 0,
  verifiedShare: null,
  npsAtCompletion: null,
};

function row(key: string, kpis: Partial<KpiFigures>, drill: Partial<EpicRow['drill']> = {}): EpicRow {
  return {
    key,
    summary: key,
    project: 'PAY',
    programme: null,
    status: 'done',
    successProbability: 1,
    kpis: { ...ZERO, ...kpis },
    drill: {
      verifiedRealised: 0,
      grossRealisedBenefit: kpis.realisedBenefit ?? 0,
      alignedForecastCost: 0,
      nps: null,
      ...drill,
    },
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
});
