/**
 * Size of what `forge deploy` uploads for the back end: the app bundled with Atlassian's
 * @forge/bundler and zipped with the CLI's own archiver (scripts/lib/forge-bundle.ts), split into
 * the code Forge loads, its source map, the runtime files and the manifest and package files.
 */
import {
  archiveLikeForgeDeploy,
  bundleForgeBackend,
  type ArchivedFile,
  type ForgeDeployArchive,
} from '../lib/forge-bundle';

export interface ForgeBundleBenchOptions {
  appDirectory: string;
  /** The budget for the zipped upload, in KB (1 KB = 1,024 bytes). */
  budgetZippedKb: number;
  log: (line: string) => void;
}

export interface ForgeBundleBenchResult {
  bundleMs: number;
  archive: ForgeDeployArchive;
  warnings: readonly string[];
}

export async function runForgeBundleBench(options: ForgeBundleBenchOptions): Promise<ForgeBundleBenchResult> {
  options.log('forge bundle: webpack + ts-loader over src/ (as forge deploy) …');
  const started = performance.now();
  const bundle = await bundleForgeBackend(options.appDirectory);
  const bundleMs = performance.now() - started;
  try {
    const archive = await archiveLikeForgeDeploy(options.appDirectory, bundle);
    return { bundleMs, archive, warnings: bundle.warnings };
  } finally {
    bundle.dispose();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Part {
  readonly label: string;
  readonly matches: (file: ArchivedFile) => boolean;
}

const PARTS: readonly Part[] = [
  {
    label: 'code Forge loads (webpack output, .cjs)',
    matches: (f) => f.kind === 'bundle' && !f.name.endsWith('.map'),
  },
  { label: 'its source maps (.map)', matches: (f) => f.kind === 'bundle' && f.name.endsWith('.map') },
  {
    label: 'runtime loader and wrapper (placeholders here)',
    matches: (f) => f.kind === 'runtime placeholder',
  },
  { label: 'manifest and package files', matches: (f) => f.kind === 'app file' },
];

function verdict(bytes: number, budgetKb: number): string {
  const overBytes = bytes - budgetKb * 1024;
  return overBytes < 0 ? `within (${kb(-overBytes)} to spare)` : `OVER by ${kb(overBytes)}`;
}

export function formatForgeBundleTable(
  result: ForgeBundleBenchResult,
  options: ForgeBundleBenchOptions,
): string {
  const { archive } = result;
  const lines = [
    `Bundled in ${(result.bundleMs / 1000).toFixed(1)} s with @forge/bundler (webpack warnings: ${String(result.warnings.length)}); zipped with @forge/cli-shared's ZipArchiver, as forge deploy does.`,
    '',
    '| part | files | raw | zipped |',
    '| --- | --- | ---: | ---: |',
  ];
  for (const part of PARTS) {
    const files = archive.files.filter(part.matches);
    const sum = (size: (file: ArchivedFile) => number) =>
      files.reduce((total, file) => total + size(file), 0);
    lines.push(
      `| ${part.label} | ${files.map((file) => file.name).join(', ')} | ${kb(sum((f) => f.rawBytes))} | ${kb(sum((f) => f.zippedBytes))} |`,
    );
  }
  lines.push(
    `| **whole archive** (zip file, headers included) | ${String(archive.files.length)} files | ${kb(archive.rawBytes)} | **${kb(archive.zippedBytes)}** |`,
  );
  const codeZipped = archive.files
    .filter((file) => PARTS[0]?.matches(file))
    .reduce((total, file) => total + file.zippedBytes, 0);
  lines.push(
    '',
    `Budget ${String(options.budgetZippedKb)} KB zipped. Whole archive: ${kb(archive.zippedBytes)}, ${verdict(archive.zippedBytes, options.budgetZippedKb)}. Code alone: ${kb(codeZipped)}, ${verdict(codeZipped, options.budgetZippedKb)}.`,
    'Raw: file sizes before compression. Zipped: deflated size inside the archive, read from its central directory. The CLI downloads Atlassian’s runtime loader and wrapper at deploy time; here they are placeholders of a few bytes, so the real upload is larger by their size. The source map is written by @forge/bundler’s webpack bundler on every deploy (devtool `source-map`, not configurable).',
  );
  return lines.join('\n');
}
