/**
 * The two products stay apart: the app (src/, static/) never imports the local Forge runtime
 * (packages/forge-local) or its seeds (local-site/), and the runtime, its tests included, never
 * imports the app (its tests run on the package's own fixture app and seed). The
 * repository's own ESLint config is run (through ESLint's Node API, in a child node process, as
 * ESLint loads its config as an ES module) over small in-memory sources placed at those paths.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

interface LintCase {
  filePath: string;
  code: string;
}

/** The messages of `no-restricted-imports` for each source, in order. */
function restrictedImportMessages(cases: readonly LintCase[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    import tseslint from 'typescript-eslint';
    const cases = JSON.parse(process.argv[1]);
    // Only the import rules are asked about: the type-aware rules need files that exist on disk.
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
    const answers = [];
    for (const { filePath, code } of cases) {
      const [result] = await eslint.lintText(code, { filePath });
      answers.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(answers));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (child.status !== 0) throw new Error(`ESLint failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as string[][];
}

describe('import boundaries between the app and the local Forge runtime', () => {
  const forbidden: LintCase[] = [
    { filePath: 'src/resolvers/leak.ts', code: "export { openLocalSite } from 'forge-local';\n" },
    { filePath: 'src/domain/leak.ts', code: "export { runLocalForge } from 'forge-local';\n" },
    { filePath: 'src/contract/leak.ts', code: "export { basicSeed } from 'forge-local';\n" },
    { filePath: 'src/adapters/leak.ts', code: "export { DEMO_USERS } from '../../local-site';\n" },
    {
      filePath: 'static/src/features/leak.ts',
      code: "export { startHost } from '../../../packages/forge-local/src/host/server';\n",
    },
    {
      filePath: 'packages/forge-local/src/leak.ts',
      code: "export type { PortfolioDocument } from '../../../src/contract';\n",
    },
    {
      filePath: 'packages/forge-local/src/seed/leak.ts',
      code: "export { DEMO_USERS } from '../../../../local-site/seeds/site-directory';\n",
    },
    {
      filePath: 'packages/forge-local/src/jira/leak.ts',
      code: "export { generatePortfolio } from '../../../../scripts/lib/generate-portfolio';\n",
    },
    {
      filePath: 'packages/forge-local/test/leak.test.ts',
      code: "export { DEMO_ACCOUNT_IDS } from '../../../local-site';\n",
    },
    {
      filePath: 'packages/forge-local/test/host/leak.ts',
      code: "export { valueSeeds } from '../../../../local-site/seeds/value-seeds';\n",
    },
    {
      filePath: 'packages/forge-local/test/leak.test.ts',
      code: "export type { PortfolioDocument } from '../../../src/contract';\n",
    },
    {
      filePath: 'packages/forge-local/test/fixtures/leak.ts',
      code: "export { projectName } from '../../../../static/src/features/leak';\n",
    },
  ];

  const allowed: LintCase[] = [
    { filePath: 'src/resolvers/fine.ts', code: "export { z } from 'zod';\n" },
    {
      filePath: 'packages/forge-local/src/fine.ts',
      code: "export { JiraStore } from './jira/jira-store';\n",
    },
    {
      filePath: 'packages/forge-local/test/fine.test.ts',
      code: "export { openLocalSite } from '../src';\n",
    },
    {
      filePath: 'packages/forge-local/test/host/fine.ts',
      code: "export { startHost } from '../../src/host/server';\n",
    },
    { filePath: 'local-site/fine.ts', code: "export { openLocalSite } from 'forge-local';\n" },
    { filePath: 'test/integration/fine.ts', code: "export { openLocalSite } from '../../local-site';\n" },
  ];

  const answers = restrictedImportMessages([...forbidden, ...allowed]);

  it.each(forbidden.map((c, i) => [c.filePath, i] as const))(
    'reports the forbidden import in %s',
    (_path, index) => {
      expect(answers[index]).toHaveLength(1);
      expect(answers[index]?.[0]).toMatch(/never import/);
    },
  );

  it.each(allowed.map((c, i) => [c.filePath, forbidden.length + i] as const))(
    'lets %s import across as allowed',
    (_path, index) => {
      expect(answers[index]).toEqual([]);
    },
  );
});
