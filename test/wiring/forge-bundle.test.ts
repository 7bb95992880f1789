import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  bundleForgeBackend,
  handlerName,
  moduleBundleFile,
  type ForgeBackendBundle,
} from '../../scripts/lib/forge-bundle';
import { readManifest, repoRoot } from '../support/manifest';

/** webpack + ts-loader over the whole back end: slow on a shared two-core machine. */
const BUNDLE_TIMEOUT_MS = 600_000;

const manifestHandlers = readManifest().modules.function.map((fn) => fn.handler);

/**
 * What plain node sees when it requires a bundle, in a process of its own (as Forge's runtime
 * loads it, and so that the bundle's module state stays out of this test): export name → typeof.
 */
function loadInNode(bundleFile: string): Record<string, string> {
  const script =
    'const m = require(process.argv[1]);' +
    'process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]))));';
  const stdout = execFileSync(process.execPath, ['-e', script, bundleFile], { encoding: 'utf8' });
  return JSON.parse(stdout) as Record<string, string>;
}

const exportTypesByFile = new Map<string, Record<string, string>>();

function exportTypesOf(bundleFile: string): Record<string, string> {
  const known = exportTypesByFile.get(bundleFile);
  if (known) return known;
  const loaded = loadInNode(bundleFile);
  exportTypesByFile.set(bundleFile, loaded);
  return loaded;
}

describe('forge deploy bundle (@forge/bundler, offline)', () => {
  let bundle: ForgeBackendBundle | undefined;

  beforeAll(async () => {
    bundle = await bundleForgeBackend(repoRoot);
  }, BUNDLE_TIMEOUT_MS);

  afterAll(() => bundle?.dispose());

  function bundled(): ForgeBackendBundle {
    if (!bundle) throw new Error('the bundle was not built (see the error from beforeAll)');
    return bundle;
  }

  it('reads the same handlers from manifest.yml as the Forge CLI does', () => {
    expect(bundled().handlers.map(handlerName).sort()).toEqual([...manifestHandlers].sort());
  });

  it('writes one bundle per handler module', () => {
    const modules = [...new Set(bundled().handlers.map((handler) => handler.module))];

    for (const module of modules) expect(existsSync(moduleBundleFile(bundled(), module))).toBe(true);
  });

  it.each(manifestHandlers)('exports %s as a function when node loads the bundle', (handler) => {
    const [module = '', func = ''] = handler.split('.');

    expect(exportTypesOf(moduleBundleFile(bundled(), module))[func]).toBe('function');
  });
});
