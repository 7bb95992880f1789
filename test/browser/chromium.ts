/**
 * The one place that finds and starts Chromium for the browser tests.
 *
 * First choice: the Chromium that `npm ci` brings (@sparticuz/chromium, a headless Chromium shipped
 * inside an npm package), so `npm test` needs nothing but Node: the package also ships the few
 * shared libraries the binary needs (NSS, NSPR, expat) and a font, which we put in the browser's
 * environment. It is pinned by package-lock.json, so every machine renders with the same build.
 * Fallback: Debian's `/usr/bin/chromium` (`apt-get install chromium`), for machines where the npm
 * build cannot run: it ships x86-64 Linux binaries only.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

const projectRoot = resolve(__dirname, '../..');
const debianChromium = '/usr/bin/chromium';

/**
 * Our own flags, the same for both builds. Not the package's `chromium.args`: those are for AWS
 * Lambda and include `--disable-web-security` and `--allow-running-insecure-content`, which would
 * make the test browser kinder than the one Jira users have.
 */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedChromium {
  browser: Browser;
  /** Which build runs, for messages: `@sparticuz/chromium 153.0.0` or `/usr/bin/chromium`. */
  source: string;
}

interface Candidate {
  source: string;
  prepare(): Promise<{ executablePath: string; env?: NodeJS.ProcessEnv }>;
}

/** Starts the first Chromium that runs; the error names every build tried and why each failed. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const failures: string[] = [];
  for (const candidate of [npmChromium(), debianChromiumCandidate()]) {
    try {
      const { executablePath, env } = await candidate.prepare();
      const browser = await chromium.launch({
        executablePath,
        args: chromiumArgs,
        ...(env === undefined ? {} : { env }),
      });
      return { browser, source: candidate.source };
    } catch (error) {
      failures.push(`${candidate.source}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(
    `No Chromium could start. Run npm ci (it brings @sparticuz/chromium), or on a machine it does not support install Debian's chromium.\n${failures.join('\n')}`,
  );
}

function debianChromiumCandidate(): Candidate {
  return {
    source: debianChromium,
    prepare: () => {
      if (!existsSync(debianChromium)) return Promise.reject(new Error('not installed'));
      return Promise.resolve({ executablePath: debianChromium });
    },
  };
}

function npmChromium(): Candidate {
  // Its exports map offers only the entry point (build/index.js); the package folder is above it.
  const packageDir = resolve(dirname(require.resolve('@sparticuz/chromium')), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    source: `@sparticuz/chromium ${version}`,
    prepare: async () => {
      if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new Error(`ships x86-64 Linux binaries only (this is ${process.platform} ${process.arch})`);
      }
      const dir = await unpackedChromium(packageDir, version);
      const libDir = join(dir, 'al2023', 'lib');
      return {
        executablePath: join(dir, 'chromium'),
        env: {
          ...process.env,
          // The bundled NSS/NSPR/expat come first; the binary then needs only glibc from the system.
          LD_LIBRARY_PATH: [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
          FONTCONFIG_FILE: join(dir, 'fontconfig.xml'),
        },
      };
    },
  };
}

/**
 * The package unpacks its brotli archives into os.tmpdir(), and its quick "already there" check
 * would let a second jest worker start a binary the first is still writing. So each unpack goes
 * to a fresh folder (the package's own code run with TMPDIR pointing there) that is then renamed
 * into place at once, under node_modules/.cache (`npm ci` clears it), one folder per version.
 */
async function unpackedChromium(packageDir: string, version: string): Promise<string> {
  const cacheDir = join(projectRoot, 'node_modules', '.cache', 'sparticuz-chromium');
  const dir = join(cacheDir, version);
  if (existsSync(join(dir, 'chromium'))) return dir;
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, `${version}-unpacking-`));
  try {
    await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import chromium, { inflate } from '@sparticuz/chromium';
         await chromium.executablePath();
         await inflate(process.env.AL2023_LIBS);`,
      ],
      {
        cwd: projectRoot,
        env: { ...process.env, TMPDIR: staging, AL2023_LIBS: join(packageDir, 'bin', 'al2023.tar.br') },
      },
    );
    writeFontConfig(staging, dir);
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another worker got there first; its copy is complete (renamed whole), so use it.
      if (!existsSync(join(dir, 'chromium'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/**
 * The system's fonts when it has any (so text renders as it did with Debian's Chromium), plus the
 * package's Open Sans, so a machine with no fonts at all still renders Latin text (symbols such
 * as arrows and check marks need a system font).
 */
function writeFontConfig(staging: string, dir: string): void {
  writeFileSync(
    join(staging, 'fontconfig.xml'),
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`,
  );
}
