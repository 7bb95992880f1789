import type { EpicRow, PortfolioView } from '../../../src/contract/gadget.contract';
import type { RangesView } from '../../../src/contract/ranges.contract';
import type { KpiFigures } from '../../../src/contract/kpi-figures';
import { fakeBridge } from '../fake-bridge';

/** The worked example's portfolio figures (docs/kpis.md), as the resolver sends them. */
export function figures(overrides: Partial<KpiFigures> = {}): KpiFigures {
  return {
    epics: 2,
    plannedBenefit: 5200,
    plannedBenefitToDate: 2400,
    realisedBenefit: 1800,
    disBenefitRealised: 0,
    realisationRate: 0.75,
    baselineRealisationRate: null,
    forecastDrift: null,
    costBudget: 3500,
    actualCost: 2900,
    forecastCost: 3400,
    riskAdjustedBenefit: 3800,
    roi: -0.3793,
    expectedRoi: 0.1176,
    valueForMoney: 1.1176,
    npv: 333.16,
    paybackMonth: '2026-05',
    discountedPaybackMonth: '2026-05',
    irr: 0.7251,
    mirr: 0.566,
    costAvoidanceRealised: 0,
    costSavingRealised: 300,
    verifiedShare: 0.6667,
    npsAtCompletion: 37.5,
    ...overrides,
  };
}

export function portfolioView(overrides: Partial<PortfolioView> = {}): PortfolioView {
  return {
    asOf: '2026-03',
    currency: 'EUR',
    portfolio: figures(),
    byProject: {
      PAY: figures({ epics: 1, realisedBenefit: 1500, roi: -0.2857 }),
      OPS: figures({ epics: 1, realisedBenefit: 300, roi: -0.625 }),
    },
    byProgramme: {
      'PRG-1': figures({ epics: 1, realisedBenefit: 1500, roi: -0.2857 }),
      '(none)': figures({ epics: 1, realisedBenefit: 300, roi: -0.625 }),
    },
    byObjective: {
      'OBJ-1': {
        name: 'Grow revenue',
        status: 'active',
        attributedPlanned: 2000,
        attributedRealised: 750,
        realisedInWindow: 750,
        advanced: true,
        target: { measure: 'Attributed revenue', amount: 1100, date: '2026-04-30' },
        progress: 0.6818,
        forecastAtTargetDate: 1150,
        onTrack: true,
      },
      'OBJ-2': {
        name: 'Old goal',
        status: 'archived',
        attributedPlanned: 1200,
        attributedRealised: 300,
        realisedInWindow: 300,
        advanced: true,
        target: { measure: 'Cost saved', amount: 1000, date: '2026-03-31' },
        progress: 0.3,
        forecastAtTargetDate: 300,
        onTrack: false,
      },
      'OBJ-3': {
        name: 'Cut churn',
        status: 'active',
        attributedPlanned: 0,
        attributedRealised: 0,
        realisedInWindow: 0,
        advanced: false,
        target: null,
        progress: null,
        forecastAtTargetDate: null,
        onTrack: null,
      },
    },
    advancedWindowMonths: 3,
    strategicGoalsAdvancedPct: 50,
    objectivesOnTrackPct: 100,
    strategicAlignmentPct: 38.24,
    kpiTargets: {},
    trend: [
      { month: '2026-01', plannedBenefit: 0, realisedBenefit: 0, plannedCost: 2000, actualCost: 2100 },
      { month: '2026-02', plannedBenefit: 1000, realisedBenefit: 900, plannedCost: 3000, actualCost: 2900 },
      { month: '2026-03', plannedBenefit: 2400, realisedBenefit: 1800, plannedCost: 3000, actualCost: 2900 },
      { month: '2026-04', plannedBenefit: 3600, realisedBenefit: null, plannedCost: 3500, actualCost: null },
    ],
    unreadable: [],
    ...overrides,
  };
}

export function epicRow(overrides: Partial<EpicRow> = {}): EpicRow {
  return {
    key: 'PAY-1',
    summary: 'Card payments',
    project: 'PAY',
    programme: 'PRG-1',
    status: 'done',
    successProbability: 0.8,
    kpis: figures({
      epics: 1,
      realisedBenefit: 1500,
      forecastCost: 2600,
      riskAdjustedBenefit: 3100,
      roi: -0.2857,
    }),
    drill: {
      verifiedRealised: 0,
      grossRealisedBenefit: 1500,
      alignedForecastCost: 0,
      nps: null,
      baseline: null,
    },
    finishing: null,
    ...overrides,
  };
}

export interface InvokeCall {
  functionKey: string;
  payload: Record<string, unknown>;
}

/** Answers resolver calls by key; records every call made. */
export function answerInvoke(
  answers: Record<string, (payload: Record<string, unknown>) => unknown>,
): InvokeCall[] {
  const calls: InvokeCall[] = [];
  fakeBridge.on('invoke', (raw) => {
    const { functionKey, payload } = raw as InvokeCall;
    calls.push({ functionKey, payload });
    const answer = answers[functionKey];
    if (!answer) throw new Error(`No answer for ${functionKey}`);
    return answer(payload);
  });
  return calls;
}

/** The gadget's context as Jira gives it, in view mode or edit mode. */
export function gadgetContext({
  configuration = {},
  editing = false,
}: { configuration?: unknown; editing?: boolean } = {}) {
  fakeBridge.on('getContext', () => ({
    accountId: 'user-1',
    siteUrl: 'https://example.atlassian.net',
    locale: 'en-US',
    moduleKey: 'value-gadget',
    extension: {
      type: 'jira:dashboardGadget',
      gadgetConfiguration: configuration,
      ...(editing ? { entryPoint: 'edit' } : {}),
    },
  }));
  fakeBridge.on('on', () => ({ unsubscribe: () => undefined }));
}

/** Risk ranges of the worked example's scope, as `gadget/get-ranges` sends them. */
export function rangesView(overrides: Partial<RangesView> = {}): RangesView {
  const scope = {
    epics: 2,
    npv: { p10: -1200, p50: 310, p90: 2400 },
    benefitByHorizon: { p10: 2100, p50: 4300, p90: 5600 },
    totalCost: { p10: 3300, p50: 3450, p90: 3900 },
    probabilityNpvBelowZero: 0.18,
  };
  return {
    asOf: '2026-03',
    horizon: '2027-03',
    currency: 'EUR',
    seed: 12345,
    draws: 2000,
    correlation: 0,
    distribution: 'triangular',
    percentileMethod: 'nearest-rank',
    portfolio: scope,
    byProject: { PAY: scope },
    byProgramme: { '(none)': scope },
    byObjective: {},
    fan: [
      { month: '2026-03', plan: 1800, p10: 1800, p50: 1800, p90: 1800 },
      { month: '2026-09', plan: 3600, p10: 2000, p50: 3300, p90: 4100 },
      { month: '2027-03', plan: 5200, p10: 2100, p50: 4300, p90: 5600 },
    ],
    unreadable: [],
    ...overrides,
  };
}
