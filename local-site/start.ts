/**
 * `npm start`: Value Layer, unchanged, on the local Forge runtime (packages/forge-local), seeded
 * with one of the app's seeds. `npm start -- --reset --seed appcelerator`, `PORT=9000 npm start`.
 */
import { runLocalForge } from 'forge-local';
import { REPO_ROOT } from './index';
import { valueSeeds } from './seeds/value-seeds';

void runLocalForge({
  appName: 'Value Layer',
  appRoot: REPO_ROOT,
  seeds: valueSeeds({ repoRoot: REPO_ROOT }),
  build: {
    command: ['npx', 'tsx', 'scripts/build-static.ts'],
    sources: ['static/src', 'static/public', 'static/vite.config.ts'],
  },
});
