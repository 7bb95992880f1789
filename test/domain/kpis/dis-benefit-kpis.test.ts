import { irr as financialIrr } from 'financial';
import {
  epicFromRecord,
  epicKpis,
  NO_PROGRAMME,
  portfolioReport,
  toPlainReport,
  toPlainValueKpis,
  type EpicRecord,
  type PortfolioRecord,
} from '../../../src/domain';

/*
 * Dis-benefits (issue #15) in every KPI, on a worked example checked by hand. EUR, discount rate
 * 0.12 (exactly 1% a month), as of 2026-03 unless a test says otherwise.
 *
 * DIS-1 (project PAY, programme PRG-1, done, probability 0.8, OBJ-1 share 0.5)
 *   revenue      planned 1,000 each month 2026-02..05; realised 900 (Feb, verified), 600 (Mar, estimated)
 *   dis_benefit  planned 200 (Mar), 300 (Apr); realised 250 (Mar, verified: finance confirmed the loss)
 *   costs        planned 2,000 (Jan); actual 2,100 (Jan)
 * DIS-2 (project OPS, no programme, in progress, probability 0.5, OBJ-2 share 1)
 *   cost_saving  planned 400 (Apr); realised 100 (Mar, measured)
 *   dis_benefit  planned 600.03 (Apr); realised 100 (Mar, measured)
 *   costs        planned 400 (Feb); actual 400 (Feb)
 * OBJ-1 (active) target 1,000 by 2026-04-30; OBJ-2 (active) no target.
 */
const DIS_1: EpicRecord = {
  key: 'DIS-1',
  summary: 'Move billing to the new platform',
  project: 'PAY',
  programme: 'PRG-1',
  status: 'done',
  value: {
    successProbability: 0.8,
    objectives: [{ id: 'OBJ-1', share: 0.5 }],
    benefits: [
      {
        id: 'b1',
        kind: 'revenue',
        title: 'Conversion uplift',
        planned: ['2026-02', '2026-03', '2026-04', '2026-05'].map((month) => ({ month, amount: 1000 })),
        realised: [
          { month: '2026-02', amount: 900, evidence: 'verified' },
          { month: '2026-03', amount: 600, evidence: 'estimated' },
        ],
      },
      {
        id: 'b2',
        kind: 'dis_benefit',
        title: 'Lost sales during the migration',
        planned: [
          { month: '2026-03', amount: 200 },
          { month: '2026-04', amount: 300 },
        ],
        realised: [{ month: '2026-03', amount: 250, evidence: 'verified' }],
      },
    ],
    costs: { planned: [{ month: '2026-01', amount: 2000 }], actual: [{ month: '2026-01', amount: 2100 }] },
    nps: null,
  },
};

const DIS_2: EpicRecord = {
  key: 'DIS-2',
  summary: 'Self-service password reset',
  project: 'OPS',
  programme: null,
  status: 'in_progress',
  value: {
    successProbability: 0.5,
    objectives: [{ id: 'OBJ-2', share: 1 }],
    benefits: [
      {
        id: 'b1',
        kind: 'cost_saving',
        title: 'Fewer support calls',
        planned: [{ month: '2026-04', amount: 400 }],
        realised: [{ month: '2026-03', amount: 100, evidence: 'measured' }],
      },
      {
        id: 'b2',
        kind: 'dis_benefit',
        title: 'Extra support load during roll-out',
        planned: [{ month: '2026-04', amount: 600.03 }],
        realised: [{ month: '2026-03', amount: 100, evidence: 'measured' }],
      },
    ],
    costs: { planned: [{ month: '2026-02', amount: 400 }], actual: [{ month: '2026-02', amount: 400 }] },
    nps: null,
  },
};

const portfolio = (epics: EpicRecord[]): PortfolioRecord => ({
  settings: { currency: 'EUR', discountRate: 0.12 },
  objectives: [
    {
      id: 'OBJ-1',
      name: 'Grow revenue',
      status: 'active',
      weight: 3,
      target: { measure: 'Attributed revenue', amount: 1000, date: '2026-04-30' },
    },
    { id: 'OBJ-2', name: 'Cut support cost', status: 'active', weight: 1 },
  ],
  epics,
});

const reportOf = (epics: EpicRecord[], asOf = '2026-03') =>
  toPlainReport({ report: portfolioReport({ portfolio: portfolio(epics), currencyExponent: 2, asOf }) });

const epicScope = (epic: EpicRecord, asOf = '2026-03') =>
  toPlainValueKpis({
    kpis: epicKpis({ epic: epicFromRecord({ epic, currencyExponent: 2 }), asOf, discountRate: 0.12 }),
    currencyExponent: 2,
  });

/** The same epic with its dis-benefits taken out. */
const withoutDisBenefits = (epic: EpicRecord): EpicRecord => ({
  ...epic,
  value: { ...epic.value, benefits: epic.value.benefits.filter((benefit) => benefit.kind !== 'dis_benefit') },
});

/** 12 x the monthly IRR numpy-financial's algorithm finds. */
const annualIrrOf = (flows: number[]) => 12 * financialIrr(flows);
/** 12 x ((FV of inflows at the last month / PV of outflows at the first)^(1/(n-1)) - 1), at 1% a month. */
const annualMirrOf = (flows: number[]) => {
  const last = flows.length - 1;
  const inflows = flows.reduce((sum, flow, month) => sum + (flow > 0 ? flow * 1.01 ** (last - month) : 0), 0);
  const outflows = flows.reduce((sum, flow, month) => sum - (flow < 0 ? flow * 1.01 ** -month : 0), 0);
  return 12 * ((inflows / outflows) ** (1 / last) - 1);
};

// DIS-1's net cash flows, Jan..May: Jan -2,100; Feb 900; Mar 600 - 250 = 350; Apr 0.8 x (1,000 - 300) = 560;
// May 0.8 x 1,000 = 800. Without the dis-benefit: -2,100, 900, 600, 800, 800.
const DIS_1_FLOWS = [-2100, 900, 350, 560, 800];
const DIS_1_FLOWS_WITHOUT = [-2100, 900, 600, 800, 800];
// Portfolio: Feb 900 - 400 = 500; Mar 350 + (100 - 100) = 350; Apr 560 + DIS-2's 0.5 x (400 - 600.03) =
// 560 - 100.015 -> 560 - 100.02 (half to even on the negative cents) = 459.98; May 800.
const PORTFOLIO_FLOWS = [-2100, 500, 350, 459.98, 800];

describe('dis-benefits in the epic KPIs (DIS-1)', () => {
  const kpis = epicScope(DIS_1);

  it('nets planned and realised benefit and shows the realised dis-benefit apart', () => {
    expect(kpis).toMatchObject({
      plannedBenefit: 3500, // 4 x 1,000 - (200 + 300)
      plannedBenefitToDate: 1800, // 1,000 (Feb) + 1,000 (Mar) - 200 (Mar)
      realisedBenefit: 1250, // 900 + 600 - 250
      disBenefitRealised: 250,
      costBudget: 2000,
      actualCost: 2100,
      forecastCost: 2100,
    });
  });

  it('nets realisation rate, ROI, risk-adjusted benefit, expected ROI and value for money', () => {
    expect(kpis.realisationRate).toBeCloseTo(1250 / 1800, 12);
    expect(kpis.roi).toBeCloseTo((1250 - 2100) / 2100, 12);
    // 1,250 realised + 0.8 x (Apr 1,000 - 300, May 1,000) = 1,250 + 560 + 800
    expect(kpis.riskAdjustedBenefit).toBe(2610);
    expect(kpis.expectedRoi).toBeCloseTo((2610 - 2100) / 2100, 12);
    expect(kpis.valueForMoney).toBeCloseTo(2610 / 2100, 12);
  });

  it('nets NPV: -2,100 x 1.01^2 + 900 x 1.01 + 350 + 560 / 1.01 + 800 / 1.01^2 = 455.48', () => {
    // -2,142.21 + 909 + 350 + 554.4554... + 784.2368... = 455.4822...
    expect(kpis.npv).toBe(455.48);
    // Without them: 455.4822... + the dis-benefits' present value, 250 (Mar) + 0.8 x 300 / 1.01 (Apr)
    // = 487.6237..., is 943.1060... -> 943.11.
    expect(epicScope(withoutDisBenefits(DIS_1)).npv).toBe(943.11);
  });

  it('moves payback: running totals -2,100, -1,200, -850, -290, +510 pay back in May, not April', () => {
    expect(kpis.paybackMonth).toBe('2026-05');
    // Without: -2,100, -1,200, -600, +200.
    expect(epicScope(withoutDisBenefits(DIS_1)).paybackMonth).toBe('2026-04');
    // Discounted to March: -2,142.21, -1,233.21, -883.21, -328.75, +455.48 (April's was +158.87 without).
    expect(kpis.discountedPaybackMonth).toBe('2026-05');
    expect(epicScope(withoutDisBenefits(DIS_1)).discountedPaybackMonth).toBe('2026-04');
  });

  it('computes IRR and MIRR on the netted flows, as numpy-financial does', () => {
    expect(kpis.irr).toBeCloseTo(annualIrrOf(DIS_1_FLOWS), 6);
    expect(kpis.mirr).toBeCloseTo(annualMirrOf(DIS_1_FLOWS), 12);
    const without = epicScope(withoutDisBenefits(DIS_1));
    expect(without.irr).toBeCloseTo(annualIrrOf(DIS_1_FLOWS_WITHOUT), 6);
    expect(kpis.irr).toBeLessThan(without.irr ?? Number.NaN);
    expect(kpis.mirr).toBeLessThan(without.mirr ?? Number.NaN);
  });

  it('grades verified share on the benefits alone: a verified dis-benefit is not verified benefit', () => {
    // 900 verified of 900 + 600 of benefit (the 250 of dis-benefit is neither side).
    expect(kpis.verifiedShare).toBeCloseTo(900 / 1500, 12);
  });
});

describe('dis-benefits in an epic whose plan is mostly dis-benefit (DIS-2)', () => {
  const kpis = epicScope(DIS_2);

  it('can have a negative plan and risk-adjusted benefit, and ratios that say so', () => {
    expect(kpis).toMatchObject({
      plannedBenefit: -200.03, // 400 - 600.03
      realisedBenefit: 0, // 100 - 100
      disBenefitRealised: 100,
      riskAdjustedBenefit: -100.02, // 0.5 x -200.03 = -100.015 -> -100.02 (half to even, mirrored)
      roi: -1, // (0 - 400) / 400
      costSavingRealised: 100, // the kind's own figure is not netted
    });
    expect(kpis.expectedRoi).toBeCloseTo((-100.02 - 400) / 400, 12);
    expect(kpis.valueForMoney).toBeCloseTo(-100.02 / 400, 12);
    // Jan..Apr flows -400, 0, -100.02: no sign change, so neither rate exists; the total never recovers.
    expect(kpis).toMatchObject({ irr: null, mirr: null, paybackMonth: null, discountedPaybackMonth: null });
    // -400 x 1.01 + 0 - 100.02 / 1.01 = -404 - 99.0297... = -503.0297...
    expect(kpis.npv).toBe(-503.03);
    // 0 verified of 100 of benefit realised.
    expect(kpis.verifiedShare).toBe(0);
  });

  it('has no realisation rate while nothing is planned to date, and none once the net plan to date is negative', () => {
    expect(kpis.realisationRate).toBeNull();
    const asOfApril = epicFromRecord({ epic: DIS_2, currencyExponent: 2 });
    expect(epicKpis({ epic: asOfApril, asOf: '2026-04', discountRate: 0.12 }).realisationRate).toEqual({
      value: null,
      reason: 'NET_PLAN_NEGATIVE',
    });
  });
});

describe('dis-benefits in the totals of every scope', () => {
  const report = reportOf([DIS_1, DIS_2]);

  it('gives the project and programme of one epic exactly that epic’s KPIs', () => {
    expect(report.byProject.PAY).toEqual(epicScope(DIS_1));
    expect(report.byProgramme['PRG-1']).toEqual(epicScope(DIS_1));
    expect(report.byProject.OPS).toEqual(epicScope(DIS_2));
    expect(report.byProgramme[NO_PROGRAMME]).toEqual(epicScope(DIS_2));
  });

  it('nets the portfolio’s benefits, shows its dis-benefits apart, and nets every ratio built on them', () => {
    const { portfolio: kpis } = report;
    expect(kpis).toMatchObject({
      epics: 2,
      plannedBenefit: 3299.97, // 3,500 - 200.03
      plannedBenefitToDate: 1800, // 1,800 + 0
      realisedBenefit: 1250, // 1,250 + 0
      disBenefitRealised: 350, // 250 + 100
      costBudget: 2400,
      actualCost: 2500,
      forecastCost: 2500,
      riskAdjustedBenefit: 2509.98, // 2,610 - 100.02
      costSavingRealised: 100,
      paybackMonth: '2026-05', // running totals -2,100, -1,600, -1,250, -790.02, +9.98
      discountedPaybackMonth: null, // the discounted total ends at the NPV, below 0
    });
    expect(kpis.realisationRate).toBeCloseTo(1250 / 1800, 12);
    expect(kpis.roi).toBeCloseTo((1250 - 2500) / 2500, 12);
    expect(kpis.expectedRoi).toBeCloseTo((2509.98 - 2500) / 2500, 12);
    expect(kpis.valueForMoney).toBeCloseTo(2509.98 / 2500, 12);
    // -2,100 x 1.0201 + 500 x 1.01 + 350 + 459.98 / 1.01 + 800 / 1.0201 = -47.5474...
    expect(kpis.npv).toBe(-47.55);
    expect(kpis.irr).toBeCloseTo(annualIrrOf(PORTFOLIO_FLOWS), 6);
    expect(kpis.mirr).toBeCloseTo(annualMirrOf(PORTFOLIO_FLOWS), 12);
    // 900 verified of 1,250 + 350 = 1,600 of benefit before the dis-benefits are subtracted.
    expect(kpis.verifiedShare).toBeCloseTo(900 / 1600, 12);
  });
});

describe('dis-benefits in the objective KPIs', () => {
  const report = reportOf([DIS_1, DIS_2]);

  it('attributes net benefit: OBJ-1 gets 0.5 x DIS-1’s net months', () => {
    expect(report.byObjective['OBJ-1']).toMatchObject({
      attributedPlanned: 1750, // 0.5 x (1,000 + 800 + 700 + 1,000)
      attributedRealised: 625, // 0.5 x 900 + 0.5 x (600 - 250)
      realisedInWindow: 625,
      advanced: true,
    });
  });

  it('puts an objective off track when its dis-benefits pull the forecast below the target', () => {
    // 625 + 0.5 x 0.8 x (1,000 - 300) = 625 + 280 = 905 < 1,000.
    expect(report.byObjective['OBJ-1']).toMatchObject({
      progress: 0.625,
      forecastAtTargetDate: 905,
      onTrack: false,
    });
    // Without the dis-benefit: 750 + 400 = 1,150 >= 1,000.
    const without = reportOf([withoutDisBenefits(DIS_1), DIS_2]);
    expect(without.byObjective['OBJ-1']).toMatchObject({ forecastAtTargetDate: 1150, onTrack: true });
    expect(report.objectivesOnTrackPct).toBe(0);
    expect(without.objectivesOnTrackPct).toBe(100);
  });

  it('puts an objective with a target of 0 off track when its forecast is below 0', () => {
    const zeroTarget = { measure: 'Support cost saved', amount: 0, date: '2026-04-30' };
    const withZeroTarget = (epics: EpicRecord[]) =>
      toPlainReport({
        report: portfolioReport({
          portfolio: {
            ...portfolio(epics),
            objectives: [
              { id: 'OBJ-2', name: 'Cut support cost', status: 'active', weight: 1, target: zeroTarget },
            ],
          },
          currencyExponent: 2,
          asOf: '2026-03',
        }),
      }).byObjective['OBJ-2'];
    // 0 realised (100 - 100) + April's 0.5 x (400 - 600.03) = -100.02 < 0.
    expect(withZeroTarget([DIS_2])).toMatchObject({ forecastAtTargetDate: -100.02, onTrack: false });
    // Without the dis-benefit: 100 + 200 = 300 >= 0.
    expect(withZeroTarget([withoutDisBenefits(DIS_2)])).toMatchObject({
      forecastAtTargetDate: 300,
      onTrack: true,
    });
  });

  it('does not count an objective as advanced when its dis-benefits cancel what it gained in the window', () => {
    // OBJ-2: 100 of saving and 100 of dis-benefit in March: the attributed realised benefit did not grow.
    expect(report.byObjective['OBJ-2']).toMatchObject({
      attributedPlanned: -200.03,
      attributedRealised: 0,
      realisedInWindow: 0,
      advanced: false,
    });
    expect(report.strategicGoalsAdvancedPct).toBe(50);
    expect(reportOf([DIS_1, withoutDisBenefits(DIS_2)]).strategicGoalsAdvancedPct).toBe(100);
  });
});
