/**
 * The start command: an app, unchanged, on a local Jira site. Builds the Custom UI if it is missing
 * or stale, opens the site in the data folder (seeded on first start), serves the host and prints
 * where to go and who to be. An app calls `runLocalForge` from its own start script with its
 * seeds; the command line is then
 *
 *   <start>                      keep the site's data from last time (seeded on first start)
 *   <start> --reset              wipe and reseed
 *   <start> --seed <name>        pick one of the app's seeds (on first start or with --reset)
 *   PORT=9000 <start>            another port (default 8080)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readAppManifest } from './app/app-manifest';
import { startHost, type RunningHost } from './host/server';
import { parseStartOptions, StartError } from './host/start-options';
import { staleStaticBuild } from './host/static-freshness';
import type { SiteSeed } from './seed/site-seed';
import { DEFAULT_DATA_DIR, openLocalSite } from './site';

export interface CustomUiBuild {
  /** The command that builds every resource, e.g. `['npm', 'run', 'build']`. */
  command: readonly [string, ...string[]];
  /** Files and folders (relative to the app root) whose change makes the builds stale. */
  sources: readonly string[];
}

export interface LocalForgeOptions {
  /** The app's name, for the start-up message. */
  appName: string;
  /** The app's seeds, its default first: `--seed <name>` picks one. */
  seeds: readonly SiteSeed[];
  /** The folder holding manifest.yml; default the current directory (npm runs scripts from the root). */
  appRoot?: string;
  /** Where the site persists, relative to the app root; default `.local-site`. */
  dataDir?: string;
  /** How to rebuild the Custom UI when a resource's build is missing or stale; none: never rebuilt. */
  build?: CustomUiBuild;
  /** Default `process.argv.slice(2)` and `process.env`. */
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
}

function buildIfStale(appRoot: string, build: CustomUiBuild | undefined): void {
  if (!build) return;
  const buildDirs = [...readAppManifest(appRoot).resourceDirs.values()];
  const reason = staleStaticBuild(
    buildDirs,
    build.sources.map((source) => resolve(appRoot, source)),
  );
  if (!reason) return;
  console.log(`Building the Custom UI (${reason})…`);
  const [command, ...args] = build.command;
  const result = spawnSync(command, args, { cwd: appRoot, stdio: 'inherit' });
  if (result.status !== 0)
    throw new StartError(`Building the Custom UI failed; see the output above (${build.command.join(' ')}).`);
}

async function start(options: LocalForgeOptions): Promise<void> {
  const appRoot = resolve(options.appRoot ?? process.cwd());
  if (!existsSync(join(appRoot, 'manifest.yml')))
    throw new StartError(`No manifest.yml in ${appRoot}: start the app from its root folder.`);
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const parsed = parseStartOptions(
    options.argv ?? process.argv.slice(2),
    options.env ?? process.env,
    options.seeds.map((seed) => seed.name),
  );
  const seed = options.seeds.find((candidate) => candidate.name === parsed.seed);
  if (!seed) throw new StartError(`No seed named ${parsed.seed}.`);
  buildIfStale(appRoot, options.build);

  // 'auto': the site delivers Jira and queue events itself, honouring their delays, as Forge does.
  const site = await openLocalSite({
    appRoot,
    dataDir: resolve(appRoot, dataDir),
    reset: parsed.reset,
    seed,
    eventDelivery: 'auto',
  });
  let host: RunningHost;
  try {
    host = await startHost({
      site,
      rootDir: appRoot,
      port: parsed.port,
      dataDir,
      reset: parsed.reset,
      deliverEvents: false,
      log: (line) => {
        console.error(line);
      },
    });
  } catch (error) {
    await site.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartError(
        `Port ${String(parsed.port)} is in use. Stop the other process, or start on another port: PORT=${String(parsed.port + 1)}`,
      );
    }
    throw error;
  }

  const width = Math.max(...site.users.map((u) => u.displayName.length));
  console.log(
    [
      '',
      `${options.appName} is running on a local Jira site: ${host.url}`,
      `  Site data: ${dataDir}/${parsed.reset ? ` (reset, seeded with "${parsed.seed}")` : ''}`,
      '  Demo users (switch at the top right of the page):',
      ...site.users.map((u) => `    ${u.displayName.padEnd(width)}  ${u.description}`),
      '  Ctrl+C stops it; --reset starts over from the seed.',
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

/**
 * Runs the start command until Ctrl+C. Problems the user can fix (a bad option, a busy port) are
 * printed without a stack trace (`DEBUG=1` prints it) and set a failing exit code.
 */
export function runLocalForge(options: LocalForgeOptions): Promise<void> {
  return start(options).catch((error: unknown) => {
    if (error instanceof StartError || (error instanceof Error && !process.env['DEBUG'])) {
      console.error(error.message);
      if (!(error instanceof StartError)) console.error('(DEBUG=1 prints the stack trace.)');
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  });
}
