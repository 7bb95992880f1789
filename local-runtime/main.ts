/**
 * `npm start`: the app, unchanged, on a local Jira site. Builds the Custom UI if it is missing or
 * stale, opens the site in .local-site/, serves the host and prints where to go and who to be.
 *
 *   npm start                    keep the site's data from last time (seeded on first start)
 *   npm start -- --reset         wipe and reseed
 *   npm start -- --seed empty    seed with demo | appcelerator | empty (on first start or --reset)
 *   PORT=9000 npm start          another port (default 8080)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readHostManifest } from './host/app-manifest';
import { startHost, type RunningHost } from './host/server';
import { parseStartOptions, StartError } from './host/start-options';
import { staleStaticBuild } from './host/static-freshness';
import { openLocalSite } from './site';

const dataDir = '.local-site';

function buildStaticIfStale(rootDir: string): void {
  const buildDirs = [...readHostManifest(rootDir).resourceDirs.values()];
  const reason = staleStaticBuild(rootDir, buildDirs);
  if (!reason) return;
  console.log(`Building the Custom UI (${reason})…`);
  const result = spawnSync('npx', ['tsx', 'scripts/build-static.ts'], { cwd: rootDir, stdio: 'inherit' });
  if (result.status !== 0)
    throw new StartError(
      'Building the Custom UI failed; see the output above (npm run build runs the same).',
    );
}

async function main(): Promise<void> {
  // npm runs scripts from the project root; the host finds manifest.yml and static/ from there.
  const rootDir = process.cwd();
  if (!existsSync(join(rootDir, 'manifest.yml')))
    throw new StartError(`No manifest.yml in ${rootDir}: run npm start from the project root.`);
  const options = parseStartOptions(process.argv.slice(2), process.env);
  buildStaticIfStale(rootDir);

  // 'auto': the site delivers Jira and queue events itself, honouring their delays, as Forge does.
  const site = await openLocalSite({
    dataDir,
    reset: options.reset,
    seed: options.seed,
    eventDelivery: 'auto',
  });
  let host: RunningHost;
  try {
    host = await startHost({
      site,
      rootDir,
      port: options.port,
      dataDir,
      reset: options.reset,
      deliverEvents: false,
      log: (line) => {
        console.error(line);
      },
    });
  } catch (error) {
    await site.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartError(
        `Port ${String(options.port)} is in use. Stop the other process, or start on another port: PORT=${String(options.port + 1)} npm start`,
      );
    }
    throw error;
  }

  const width = Math.max(...site.users.map((u) => u.displayName.length));
  console.log(
    [
      '',
      `Value Layer is running on a local Jira site: ${host.url}`,
      `  Site data: ${dataDir}/${options.reset ? ` (reset, seeded with "${options.seed}")` : ''}`,
      '  Demo users (switch at the top right of the page):',
      ...site.users.map((u) => `    ${u.displayName.padEnd(width)}  ${u.description}`),
      '  Ctrl+C stops it; npm start -- --reset starts over from the seed.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    host
      .close()
      .then(() => site.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartError || (error instanceof Error && !process.env['DEBUG'])) {
    console.error(error.message);
    if (!(error instanceof StartError)) console.error('(DEBUG=1 npm start prints the stack trace.)');
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
