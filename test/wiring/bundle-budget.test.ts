import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../support/manifest';

/** Gzip budgets per UI module, from the issues: what the browser downloads for one module. */
const BUDGET_KB = { 'epic-panel': 150, gadget: 200, admin: 150, planning: 150 } as const;

function gzippedKb(module: string): number {
  const assets = join(repoRoot, 'static/build', module, 'assets');
  const bytes = readdirSync(assets)
    .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length, 0);
  return bytes / 1024;
}

describe('Custom UI bundle budgets', () => {
  it.each(Object.entries(BUDGET_KB))('keeps %s under %i KB gzip', (module, budget) => {
    const size = gzippedKb(module);

    process.stdout.write(`bundle ${module}: ${size.toFixed(1)} KB gzip (budget ${String(budget)} KB)\n`);
    expect(size).toBeLessThan(budget);
  });
});
