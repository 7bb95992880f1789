/**
 * Whether the app's Custom UI must be rebuilt before the host serves it: a resource's build is
 * missing, or a source file (the app names them, e.g. static/src and the Vite config) is newer
 * than the oldest build.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stats.mtimeMs,
  );
}

/** The reason to rebuild, or null when every build is newer than every source. */
export function staleStaticBuild(
  buildDirs: readonly string[],
  sourcePaths: readonly string[],
): string | null {
  const builds = buildDirs.map((dir) => ({ dir, mtime: indexMtime(dir) }));
  const missing = builds.find((b) => b.mtime === null);
  if (missing) return `${missing.dir} has no index.html`;
  const oldestBuild = Math.min(...builds.map((b) => b.mtime ?? 0));
  const newestSource = Math.max(0, ...sourcePaths.map(newestMtime));
  return newestSource > oldestBuild ? 'static sources changed since the last build' : null;
}

function indexMtime(dir: string): number | null {
  try {
    return statSync(join(dir, 'index.html')).mtimeMs;
  } catch {
    return null;
  }
}
