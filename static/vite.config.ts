import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * One toolchain, one self-contained build per UI module: each manifest resource is served from
 * its own folder on Forge, so no module may reach into another's chunks. `base: './'` keeps asset
 * URLs relative, as Custom UI requires.
 */
export const uiModules = ['epic-panel', 'gadget', 'admin', 'planning'] as const;
export type UiModule = (typeof uiModules)[number];

export function configFor(uiModule: UiModule) {
  return defineConfig({
    root: resolve(__dirname, 'src/entries', uiModule),
    base: './',
    publicDir: resolve(__dirname, 'public'),
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    build: {
      outDir: resolve(__dirname, 'build', uiModule),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      // Jira's supported browsers all have modulepreload; the polyfill is dead weight.
      modulePreload: { polyfill: false },
    },
  });
}
