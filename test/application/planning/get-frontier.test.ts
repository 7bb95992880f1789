import { FRONTIER_DEADLINE_MS, getFrontier } from '../../../src/application/planning/get-frontier';
import { frontierInput, type FrontierPointView } from '../../../src/contract/planning.contract';
import { fieldErrorsOf } from '../../../src/resolvers/define-resolver';
import { admin, payScope, payTeam, site } from './planning-site';

function input(overrides: Record<string, unknown> = {}) {
  return frontierInput.parse({ scope: payScope, ...overrides });
}

const retained = (points: readonly FrontierPointView[]) =>
  points.map((point) => (point.status === 'planned' ? point.npvRetained : point.status));

describe('getFrontier', () => {
  it('returns the current plan’s NPV at 0% and the NPV kept by delaying PAY-3 at every deeper cut', async () => {
    const { contextFor } = await site();

    const view = await getFrontier(contextFor(admin), input());

    // Any cut up to 50% of the 4,000.00 forecast is met by delaying PAY-3 12 months (loses 52.96):
    // 2,901.68 − 52.96 = 2,848.72 (planning-site.ts works the figures out).
    expect(view.currentNpv).toBe(2901.68);
    expect(view.points.map((point) => point.cutPercent)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(retained(view.points)).toEqual([2901.68, ...new Array<number>(10).fill(2848.72)]);
    expect(view.points[3]).toEqual({
      cutPercent: 15,
      status: 'planned',
      npvRetained: 2848.72,
      greedyNpvRetained: 2848.72,
      proof: 'proven',
      upperBound: null,
    });
    expect(view).toMatchObject({ asOf: '2026-03', currency: 'EUR', epics: 3, warnings: [] });
  });

  it('marks the cuts the pinned epics cannot meet as infeasible, naming the pins and the cap', async () => {
    const { contextFor } = await site();

    const view = await getFrontier(
      contextFor(admin),
      input({
        pins: [
          { key: 'PAY-1', pin: 'continue' },
          { key: 'PAY-3', pin: 'continue' },
        ],
      }),
    );

    // PAY-1 and PAY-3 spend 3,000.00 of 4,000.00: up to 25% PAY-2 is delayed (loses 54.07), beyond
    // it no plan meets the cap.
    expect(retained(view.points)).toEqual([
      2901.68,
      2847.61,
      2847.61,
      2847.61,
      2847.61,
      2847.61,
      ...new Array<string>(5).fill('infeasible'),
    ]);
    expect(view.points[6]).toEqual({
      cutPercent: 30,
      status: 'infeasible',
      conflicts: [
        {
          code: 'PINS_EXCEED_CAP',
          message: expect.stringContaining('spend more than the cap from 2026-04 to 2027-03') as string,
          constraints: expect.arrayContaining([
            'The cap from 2026-04 to 2027-03',
            'PAY-1 must continue',
            'PAY-3 must continue',
          ]) as string[],
        },
      ],
    });
  });

  it('falls back to the greedy figure, marked not solved, once the time budget is spent', async () => {
    // Each reading of the clock moves it on by a quarter of the deadline: only the first points
    // are solved exactly.
    let now = Date.parse('2026-03-20T12:00:00Z');
    const { contextFor } = await site({
      now: () => {
        now += FRONTIER_DEADLINE_MS / 4;
        return new Date(now);
      },
    });

    const view = await getFrontier(contextFor(admin), input({ asOf: '2026-03' }));

    const proofs = view.points.map((point) => (point.status === 'planned' ? point.proof : point.status));
    expect(proofs[0]).toBe('proven');
    expect(proofs[proofs.length - 1]).toBe('not-solved');
    // Once time is out it stays out, and a not-solved point carries the greedy ranking's figure.
    expect(proofs.slice(proofs.indexOf('not-solved')).every((proof) => proof === 'not-solved')).toBe(true);
    for (const point of view.points) {
      if (point.status === 'planned' && point.proof === 'not-solved') {
        expect(point.npvRetained).toBe(point.greedyNpvRetained);
      }
    }
  });

  it("never lets a restricted viewer's frontier include or reveal another project's money", async () => {
    const { jira, contextFor } = await site();
    jira.addBlockLink('OPS-1', 'PAY-1');

    const view = await getFrontier(
      contextFor(payTeam),
      input({ scope: { kind: 'projects', projects: ['OPS', 'PAY'] }, pins: [{ key: 'OPS-1', pin: 'stop' }] }),
    );

    expect(view.epics).toBe(3);
    expect(view.currentNpv).toBe(2901.68);
    expect(JSON.stringify(view)).not.toMatch(/70000|90000|OPS-1 blocks/);
    expect(view.warnings).toEqual([
      'OPS-1 is not an in-flight epic of this scope that you may browse, so its pin is left out.',
    ]);
  });

  it('refuses a floor on an objective the site does not have, naming the field', async () => {
    const { contextFor } = await site();

    await expect(
      getFrontier(contextFor(admin), input({ floors: [{ objectiveId: 'OBJ-NONE', amount: 10 }] })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [{ path: 'floors[0].objectiveId' }] });
  });

  it('refuses a pin that is neither continue nor stop, naming the field', () => {
    const parsed = frontierInput.safeParse({ scope: payScope, pins: [{ key: 'PAY-1', pin: 'maybe' }] });

    expect(parsed.success ? [] : fieldErrorsOf(parsed.error).map((field) => field.path)).toEqual([
      'pins[0].pin',
    ]);
  });
});
