import { FaultSoak } from './fault-soak';
import { SoakSite } from './soak-site';

/** `SOAK_SEED` and `SOAK_OPS` replay or lengthen a run; the defaults keep it near a minute. */
const SEED = Number(process.env.SOAK_SEED ?? 20261205);
const OPERATIONS = Number(process.env.SOAK_OPS ?? 60);

describe('the app under a fault soak on the local runtime', () => {
  let site: SoakSite;
  let quiet: jest.SpyInstance[] = [];

  beforeAll(async () => {
    // The app logs every fault it meets; hundreds of them would bury the summary.
    quiet = [
      jest.spyOn(console, 'error').mockImplementation(() => undefined),
      jest.spyOn(console, 'warn').mockImplementation(() => undefined),
    ];
    site = await SoakSite.open();
  }, 60_000);

  afterAll(async () => {
    await site.close();
  });

  it('keeps every answer true and the roll-up exact through faults, crashes and restarts', async () => {
    const soak = new FaultSoak(site, SEED, OPERATIONS);

    await soak.run();

    const summary = soak.ledger.summary(site.faultsInjected());
    const report = soak.ledger.report();
    for (const spy of quiet) spy.mockRestore();
    console.warn(report === '' ? summary : `${summary}\n${report}`);
    expect(report === '' ? 'no violations' : `${summary}\n${report}`).toBe('no violations');
  }, 600_000);
});
