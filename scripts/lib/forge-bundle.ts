/**
 * Builds the app's back end the way `forge deploy` does, offline: the handlers named in
 * manifest.yml become webpack entry points, and Atlassian's own bundler (@forge/bundler: webpack
 * with ts-loader and the app's root tsconfig.json) bundles them. The calls mirror the CLI's deploy
 * packager (@forge/cli `deploy/packager/runtime-bundler.js` and its dependency injection), so a
 * tsconfig or import that would break `forge deploy` breaks here first.
 *
 * The CLI downloads the Forge runtime wrapper and loader at deploy time; @forge/bundler reads them
 * from `$FORGE_RUNTIME_PATH/dist/{wrapper,loader}.js` instead when that variable is set, so this
 * hands it placeholders. The archive therefore holds placeholders where Atlassian's runtime files go.
 * https://developer.atlassian.com/platform/forge/cli-reference/deploy/
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getEntryPoints, getNodeBundler, getWrapperProvider } from '@forge/bundler';
import {
  ConfigFile,
  dependencyFileNames,
  FileSystemReader,
  FileSystemWriter,
  manifestFileName,
  ZipArchiver,
  type Logger,
} from '@forge/cli-shared';
import { zipEntries } from './zip-entries';

/** A handler named in manifest.yml: `index.panelResolver` is module `index`, function `panelResolver`. */
export interface ManifestHandler {
  readonly module: string;
  readonly func: string;
}

export interface ForgeBackendBundle {
  readonly handlers: readonly ManifestHandler[];
  /** webpack's output folder: one `<module>.cjs` (and its source map) per module named by a handler. */
  readonly outputDir: string;
  /** Files the bundler adds beside webpack's output (runtime loader and wrapper, runtime.json). */
  readonly additionalOutputs: Map<string, string | Buffer>;
  /** Every warning webpack reported (the CLI prints them and deploys anyway). */
  readonly warnings: readonly string[];
  /** Removes the output folder and the placeholder runtime folder. */
  readonly dispose: () => void;
}

const PLACEHOLDER_NOTE =
  '// Placeholder for the Forge runtime file that `forge deploy` downloads; bundled offline by scripts/lib/forge-bundle.ts\n';

/** Collects what the bundler logs; webpack's warnings arrive through `warn`. */
function recordingLogger(warnings: string[]): Logger {
  const quiet = () => undefined;
  return {
    traceEnabled: false,
    debugEnabled: false,
    trace: quiet,
    debug: quiet,
    info: quiet,
    warn: (message) => warnings.push(message),
    error: (error) => warnings.push(error.message),
  };
}

/**
 * Runs `work` in the app folder, as the CLI runs (it reads `manifest.yml` and `src/` relative to the
 * working directory), with `FORGE_RUNTIME_PATH` pointing at the placeholder runtime when one is given.
 */
async function inAppDirectory<T>(
  directory: string,
  runtimePath: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const previousDirectory = process.cwd();
  const previousRuntimePath = process.env.FORGE_RUNTIME_PATH;
  process.chdir(directory);
  if (runtimePath !== undefined) process.env.FORGE_RUNTIME_PATH = runtimePath;
  try {
    return await work();
  } finally {
    process.chdir(previousDirectory);
    if (previousRuntimePath === undefined) delete process.env.FORGE_RUNTIME_PATH;
    else process.env.FORGE_RUNTIME_PATH = previousRuntimePath;
  }
}

function writePlaceholderRuntime(): string {
  const runtimePath = mkdtempSync(join(tmpdir(), 'value-layer-forge-runtime-'));
  mkdirSync(join(runtimePath, 'dist'));
  for (const script of ['wrapper.js', 'loader.js'])
    writeFileSync(join(runtimePath, 'dist', script), PLACEHOLDER_NOTE);
  return runtimePath;
}

/**
 * Bundles every handler module named in `appDirectory`/manifest.yml with @forge/bundler, into a
 * temporary folder (the bundler's own choice, as in the CLI). Rejects with the bundler's error,
 * e.g. "TypeScript emitted no output for …", when `forge deploy` would fail.
 */
export async function bundleForgeBackend(appDirectory: string): Promise<ForgeBackendBundle> {
  const runtimePath = writePlaceholderRuntime();
  const warnings: string[] = [];
  try {
    const { handlers, bundled } = await inAppDirectory(appDirectory, runtimePath, async () => {
      const fileSystemReader = new FileSystemReader();
      const configFile = new ConfigFile(fileSystemReader, new FileSystemWriter());
      const appHandlers = await configFile.getAppHandlers();
      const bundler = getNodeBundler(
        recordingLogger(warnings),
        getWrapperProvider({ fileSystemReader }),
        configFile,
      );
      return {
        handlers: appHandlers,
        bundled: await bundler.bundle({ appDirectory, entryPoints: getEntryPoints(appHandlers) }),
      };
    });
    const { outputDir } = bundled;
    return {
      handlers,
      outputDir,
      additionalOutputs: bundled.additionalOutputs ?? new Map<string, string | Buffer>(),
      warnings,
      dispose: () => {
        rmSync(outputDir, { recursive: true, force: true });
        rmSync(runtimePath, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(runtimePath, { recursive: true, force: true });
    throw error;
  }
}

export interface ArchivedFile {
  /** Path inside the archive. */
  readonly name: string;
  /** webpack's output, the bundler's runtime files (placeholders here), or the app's manifest and package files. */
  readonly kind: 'bundle' | 'runtime placeholder' | 'app file';
  readonly rawBytes: number;
  /** What the file takes inside the zip (deflated data, without the zip's headers). */
  readonly zippedBytes: number;
}

export interface ForgeDeployArchive {
  readonly files: readonly ArchivedFile[];
  /** Sum of the files' sizes before compression. */
  readonly rawBytes: number;
  /** Size of the zip file itself, headers included. */
  readonly zippedBytes: number;
}

/**
 * Zips a bundle with the CLI's own archiver (@forge/cli-shared's ZipArchiver, deflate) and the same
 * contents as `forge deploy`'s runtime archive: webpack's output, the bundler's additional outputs,
 * the manifest as JSON, and package.json / package-lock.json when present. Run it in node, not
 * inside jest: the archiver is an ES module that the CLI loads with a dynamic import.
 */
export async function archiveLikeForgeDeploy(
  appDirectory: string,
  bundle: ForgeBackendBundle,
): Promise<ForgeDeployArchive> {
  const archiver = await ZipArchiver.create(recordingLogger([]));
  archiver.addFrom('', bundle.outputDir);
  archiver.addMany(bundle.additionalOutputs);
  const archivePath = await inAppDirectory(appDirectory, undefined, async () => {
    const configFile = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
    archiver.addContent(manifestFileName, Buffer.from(JSON.stringify(await configFile.readConfig())));
    for (const name of dependencyFileNames) {
      if (existsSync(name)) archiver.addFrom(name, name);
    }
    return archiver.finalise();
  });
  try {
    const zip = readFileSync(archivePath);
    const files = zipEntries(zip).map((entry): ArchivedFile => ({
      name: entry.name,
      kind: bundle.additionalOutputs.has(entry.name)
        ? 'runtime placeholder'
        : existsSync(join(bundle.outputDir, entry.name))
          ? 'bundle'
          : 'app file',
      rawBytes: entry.uncompressedBytes,
      zippedBytes: entry.compressedBytes,
    }));
    return { files, rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0), zippedBytes: zip.length };
  } finally {
    rmSync(archivePath, { force: true });
  }
}

/** `index.panelResolver` for a handler, as manifest.yml spells it. */
export function handlerName(handler: ManifestHandler): string {
  return `${handler.module}.${handler.func}`;
}

/** Path of the bundle webpack wrote for one handler module (`index` → `<outputDir>/index.cjs`). */
export function moduleBundleFile(bundle: ForgeBackendBundle, module: string): string {
  return join(bundle.outputDir, `${module}.cjs`);
}
