/**
 * One process at a time may own a data folder: two writers appending to one journal would
 * interleave lines from different histories. A lock left by a killed process is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'site.lock';

export function acquireSiteLock(dir: string): void {
  const path = join(dir, LOCK_FILE);
  try {
    writeFileSync(path, JSON.stringify({ pid: process.pid }), { flag: 'wx' });
    return;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  const holder = readHolder(path);
  if (holder !== null && isAlive(holder)) {
    throw new Error(
      `The local site in ${dir} is already open (process ${String(holder)}${holder === process.pid ? ', this one' : ''}). ` +
        'Close it first, or give this site another data folder.',
    );
  }
  writeFileSync(path, JSON.stringify({ pid: process.pid }));
}

export function releaseSiteLock(dir: string): void {
  const path = join(dir, LOCK_FILE);
  if (readHolder(path) === process.pid) rmSync(path, { force: true });
}

function readHolder(path: string): number | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown };
    return typeof parsed.pid === 'number' ? parsed.pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}
