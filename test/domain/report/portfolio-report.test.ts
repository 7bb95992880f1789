import fc from 'fast-check';
import {
  mergeTotals,
  emptyTotals,
  NO_PROGRAMME,
  portfolioReport,
  portfolioTotals,
  toPlainReport,
  valueKpis,
  type PortfolioRecord,
  type ValueTotals,
} from '../../../src/domain';
import { generatePortfolio } from '../../../scripts/lib/generate-portfolio';
import {
  WORKED_EXAMPLE_ALIGNMENT_PCT,
  WORKED_EXAMPLE_AS_OF,
  WORKED_EXAMPLE_GOALS_ADVANCED_PCT,
  WORKED_EXAMPLE_OBJECTIVES,
  WORKED_EXAMPLE_ON_TRACK_PCT,
  WORKED_EXAMPLE_PORTFOLIO,
  workedExampleDocument,
} from '../../fixtures/worked-example';

// The fixture is a valid document in the domain's record shape (validation is tested in test/contract).
const worked = workedExampleDocument() as PortfolioRecord;

describe(portfolioReport.name, () => {
  const report = toPlainReport({
    report: portfolioReport({ portfolio: worked, currencyExponent: 2, asOf: WORKED_EXAMPLE_AS_OF }),
  });

  it('returns every portfolio KPI of the worked example as checked by hand', () => {
    const { irr, mirr, ...exact } = WORKED_EXAMPLE_PORTFOLIO;
    expect(report.portfolio).toMatchObject(exact);
    expect(report.portfolio.irr).toBeCloseTo(irr, 12);
    expect(report.portfolio.mirr).toBeCloseTo(mirr, 12);
  });

  it('returns the objectives and strategic percentages of the worked example', () => {
    expect(report.byObjective).toEqual(WORKED_EXAMPLE_OBJECTIVES);
    expect(report.strategicGoalsAdvancedPct).toBe(WORKED_EXAMPLE_GOALS_ADVANCED_PCT);
    expect(report.objectivesOnTrackPct).toBe(WORKED_EXAMPLE_ON_TRACK_PCT);
    expect(report.advancedWindowMonths).toBe(3);
    expect(report.strategicAlignmentPct).toBe(WORKED_EXAMPLE_ALIGNMENT_PCT);
  });

  it('groups by programme, with "(none)" for epics without a parent, and by project', () => {
    expect(Object.keys(report.byProgramme)).toEqual([NO_PROGRAMME, 'PRG-1']);
    expect(Object.keys(report.byProject)).toEqual(['OPS', 'PAY']);
    expect(report.byProject['PAY']?.plannedBenefit).toBe(4000);
    expect(report.byProgramme[NO_PROGRAMME]?.npsAtCompletion).toBeNull(); // OPS-1 is not done
    expect(report.byProgramme['PRG-1']).toEqual(report.byProject['PAY']);
  });

  it('reports money as decimals in the currency and keeps cents exact', () => {
    const cents = {
      ...worked,
      epics: worked.epics.map((epic) => ({
        ...epic,
        value: {
          ...epic.value,
          costs: {
            planned: [
              { month: '2026-01', amount: 0.1 },
              { month: '2026-01', amount: 0.2 },
            ],
            actual: [],
          },
        },
      })),
    };
    const plain = toPlainReport({
      report: portfolioReport({ portfolio: cents, currencyExponent: 2, asOf: '2026-03' }),
    });
    expect(plain.portfolio.costBudget).toBe(0.6); // 2 x (0.10 + 0.20), not 0.6000000000000001
  });

  it('returns an empty report with null ratios for a portfolio without epics', () => {
    const empty = toPlainReport({
      report: portfolioReport({ portfolio: { ...worked, epics: [] }, currencyExponent: 2, asOf: '2026-03' }),
    });
    expect(empty.portfolio).toMatchObject({
      epics: 0,
      plannedBenefit: 0,
      realisationRate: null,
      roi: null,
      npv: 0,
    });
    expect(empty.byProject).toEqual({});
    expect(empty.strategicAlignmentPct).toBeNull();
  });
});

describe(portfolioTotals.name, () => {
  it('makes the portfolio the merge of its projects, and of its programmes (but for objective series), on generated portfolios', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 40 }), (seed, epics) => {
        const document = generatePortfolio({ epics, projects: 3, seed });
        const totals = portfolioTotals({ epics: document.epics, currencyExponent: 2 });
        const merged = (parts: Readonly<Record<string, ValueTotals>> | readonly ValueTotals[]) =>
          Object.values(parts).reduce(mergeTotals, emptyTotals());
        expect(merged(totals.byProject)).toEqual(totals.portfolio);
        // Programme rows carry no per-objective series; everything else merges to the portfolio.
        expect(merged(totals.byProgramme)).toEqual({ ...totals.portfolio, byObjective: {} });
        const kpis = (t: typeof totals.portfolio) =>
          valueKpis({ totals: t, asOf: '2026-11', discountRate: 0.08 });
        expect(kpis(merged([...Object.values(totals.byProgramme)].reverse()))).toEqual(
          kpis(totals.portfolio),
        );
      }),
      { numRuns: 30 },
    );
  });
});
