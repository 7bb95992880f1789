import type { GadgetContext } from '../../src/application/portfolio/gadget-context';
import { getPortfolio } from '../../src/application/portfolio/get-portfolio';
import { listEpics } from '../../src/application/portfolio/list-epics';
import type { EpicValueDocument } from '../../src/contract/epic-value.schema';
import { DRILL_KPIS, KPI_DRILL_DOWNS, reconciledFigure } from '../../src/contract/kpi-drill-down';
import { ADMIN, AS_OF, aSite, CLOCK } from './rollup/rollup-support';

/*
 * Drill-downs rebuild their tile when epics carry dis-benefits (issue #15). Amounts in EUR, as of
 * 2026-11. DIS-A: 900 of revenue realised (verified) and 300 of dis-benefit (verified: finance
 * confirmed the loss); DIS-B: 400 of cost saving realised (measured) and 100 of dis-benefit.
 * Verified share = 900 / (900 + 400) of benefit, whatever was lost beside it.
 */

const disA: EpicValueDocument = {
  successProbability: 0.8,
  objectives: [{ id: 'OBJ-1', share: 0.5 }],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Conversion uplift',
      planned: [{ month: '2026-10', amount: 1000 }],
      realised: [{ month: '2026-10', amount: 900, evidence: 'verified' }],
    },
    {
      id: 'b2',
      kind: 'dis_benefit',
      title: 'Lost sales during the migration',
      planned: [{ month: '2026-10', amount: 200 }],
      realised: [{ month: '2026-10', amount: 300, evidence: 'verified' }],
    },
  ],
  costs: { planned: [{ month: '2026-09', amount: 500 }], actual: [{ month: '2026-09', amount: 500 }] },
  nps: null,
};

const disB: EpicValueDocument = {
  successProbability: 1,
  objectives: [],
  benefits: [
    {
      id: 'b1',
      kind: 'cost_saving',
      title: 'Fewer support calls',
      planned: [{ month: '2026-11', amount: 500 }],
      realised: [{ month: '2026-11', amount: 400, evidence: 'measured' }],
    },
    {
      id: 'b2',
      kind: 'dis_benefit',
      title: 'Extra support load during roll-out',
      planned: [],
      realised: [{ month: '2026-11', amount: 100, evidence: 'measured' }],
    },
  ],
  costs: { planned: [], actual: [{ month: '2026-10', amount: 300 }] },
  nps: null,
};

async function site() {
  const { jira, store } = await aSite([
    { project: 0, programme: 0, value: disA },
    { project: 1, programme: 1, value: disB },
  ]);
  const context: GadgetContext = { jira: jira.siteFor(ADMIN), store, clock: CLOCK };
  return context;
}

describe('the drill-down of a tile when epics carry dis-benefits', () => {
  it('gives verified share as verified ÷ benefit before dis-benefits: 900 / 1,300', async () => {
    const context = await site();
    const view = await getPortfolio(context, { scope: { kind: 'all' }, asOf: AS_OF });
    expect(view.portfolio.verifiedShare).toBeCloseTo(900 / 1300, 12);
    const list = await listEpics(context, {
      scope: { kind: 'all' },
      asOf: AS_OF,
      filter: { by: 'all' },
      kpi: 'verifiedShare',
    });
    expect(list.epics.map((row) => row.key).sort()).toEqual(['ALPHA-1', 'BETA-2']);
    expect(reconciledFigure(list.epics, KPI_DRILL_DOWNS.verifiedShare.reconciles, 2)).toBeCloseTo(
      900 / 1300,
      12,
    );
  });

  it.each(
    DRILL_KPIS.filter((kpi) => {
      const { reconciles } = KPI_DRILL_DOWNS[kpi];
      return reconciles.kind === 'sum' || reconciles.kind === 'ratio';
    }),
  )('rebuilds the %s tile from the rows', async (kpi) => {
    const context = await site();
    const view = await getPortfolio(context, { scope: { kind: 'all' }, asOf: AS_OF });
    const list = await listEpics(context, {
      scope: { kind: 'all' },
      asOf: AS_OF,
      filter: { by: 'all' },
      kpi,
    });
    const tile =
      kpi === 'strategicAlignmentPct'
        ? view.strategicAlignmentPct
        : view.portfolio[kpi as keyof typeof view.portfolio];
    const rebuilt = reconciledFigure(list.epics, KPI_DRILL_DOWNS[kpi].reconciles, 2);
    if (typeof tile === 'number' && kpi !== 'npv') expect(rebuilt).toBeCloseTo(tile, 9);
    else if (kpi === 'npv')
      expect(Math.abs((rebuilt ?? Number.NaN) - view.portfolio.npv)).toBeLessThanOrEqual(0.01);
    else expect(rebuilt).toBeNull();
  });
});
