import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as app from '../../src/index';
import { readManifest, repoRoot, type ManifestModule } from '../support/manifest';

const manifest = readManifest();
const uiModuleTypes = ['jira:issuePanel', 'jira:dashboardGadget', 'jira:adminPage', 'jira:globalPage'];

function uiModules(): ManifestModule[] {
  return uiModuleTypes.flatMap((type) => manifest.modules[type] ?? []);
}

function resolverFunctionOf(module: ManifestModule): string | undefined {
  return (module.resolver as { function?: string } | undefined)?.function;
}

describe('manifest wiring', () => {
  it.each(manifest.modules.function.map((fn) => [fn.key, fn.handler]))(
    'exports the handler of function %s (%s) from src/index.ts',
    (_key, handler) => {
      const [file, exportName] = handler.split('.');

      expect(file).toBe('index');
      expect(typeof (app as Record<string, unknown>)[exportName ?? '']).toBe('function');
    },
  );

  it('exports nothing from src/index.ts that the manifest does not name', () => {
    const named = manifest.modules.function.map((fn) => fn.handler.replace('index.', '')).sort();

    expect(Object.keys(app).sort()).toEqual(named);
  });

  it.each(manifest.resources.map((resource) => [resource.key, resource.path]))(
    'finds the build of resource %s at %s (produced by npm run build)',
    (_key, path) => {
      expect(existsSync(join(repoRoot, path, 'index.html'))).toBe(true);
    },
  );

  it('declares the issue panel, the dashboard gadget with an edit view, the admin page and the value planning page', () => {
    expect(manifest.modules['jira:issuePanel']).toHaveLength(1);
    expect(manifest.modules['jira:dashboardGadget']?.[0]?.edit).toEqual({ resource: 'gadget' });
    expect(manifest.modules['jira:adminPage']).toHaveLength(1);
    // Jira deploys at most one global page per app.
    expect(manifest.modules['jira:globalPage']).toEqual([
      expect.objectContaining({ title: 'Value planning', resource: 'planning' }),
    ]);
  });

  it('gives every UI module a resolver function of its own, so each is its own trust zone', () => {
    const resolverFunctions = uiModules().map(resolverFunctionOf);

    expect(resolverFunctions.every((fn) => typeof fn === 'string')).toBe(true);
    expect(new Set(resolverFunctions).size).toBe(resolverFunctions.length);
  });

  it('does not let any other module reuse a UI module resolver function', () => {
    const uiResolvers = new Set(uiModules().map(resolverFunctionOf));
    const otherUses = Object.entries(manifest.modules)
      .filter(([type]) => !uiModuleTypes.includes(type) && type !== 'function')
      .flatMap(([, modules]) => modules)
      .map((module) => (module as { function?: string }).function);

    expect(otherUses.filter((fn) => uiResolvers.has(fn))).toEqual([]);
  });
});
