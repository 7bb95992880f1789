/** When `npm start` rebuilds the Custom UI before serving it. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleStaticBuild } from '../../src/host/static-freshness';

describe('staleStaticBuild', () => {
  let root: string;
  const builds = (): string[] => ['a', 'b'].map((m) => join(root, 'static/build', m));
  /** What an app built with Vite names as its Custom UI sources. */
  const sources = (): string[] =>
    ['static/src', 'static/public', 'static/vite.config.ts'].map((p) => join(root, p));

  function age(path: string, secondsAgo: number): void {
    const time = Date.now() / 1000 - secondsAgo;
    utimesSync(path, time, time);
  }

  function touch(path: string, secondsAgo: number): void {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '');
    age(path, secondsAgo);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'static-freshness-'));
    touch(join(root, 'static/src/entries/a/main.tsx'), 100);
    touch(join(root, 'static/vite.config.ts'), 100);
    // A folder's own mtime counts too (deleting a source changes it), so age the folders as well.
    for (const dir of ['static/src/entries/a', 'static/src/entries', 'static/src', 'static'])
      age(join(root, dir), 100);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('says which build is missing when one has no index.html', () => {
    touch(join(root, 'static/build/a/index.html'), 10);
    expect(staleStaticBuild(builds(), sources())).toBe(`${join(root, 'static/build/b')} has no index.html`);
  });

  it('returns null when every build is newer than every source', () => {
    touch(join(root, 'static/build/a/index.html'), 10);
    touch(join(root, 'static/build/b/index.html'), 10);
    expect(staleStaticBuild(builds(), sources())).toBeNull();
  });

  it('asks for a rebuild when a source file changed after the oldest build', () => {
    touch(join(root, 'static/build/a/index.html'), 10);
    touch(join(root, 'static/build/b/index.html'), 200);
    expect(staleStaticBuild(builds(), sources())).toBe('static sources changed since the last build');
  });

  it('asks for a rebuild when the Vite config changed', () => {
    touch(join(root, 'static/build/a/index.html'), 10);
    touch(join(root, 'static/build/b/index.html'), 10);
    touch(join(root, 'static/vite.config.ts'), 1);
    expect(staleStaticBuild(builds(), sources())).toBe('static sources changed since the last build');
  });
});
