import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { repoRoot } from '../support/manifest';

/** `validate()` resolves handler files and resource folders against the working directory. */
async function validateIn(appDir: string) {
  const previous = process.cwd();
  process.chdir(appDir);
  try {
    return await validate(false, 'manifest.yml');
  } finally {
    process.chdir(previous);
  }
}

describe("manifest.yml checked by Atlassian's validator (@forge/manifest)", () => {
  it('passes with no errors after the static build', async () => {
    const result = await validateIn(repoRoot);

    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  describe('on a deliberately broken copy', () => {
    let brokenApp: string;

    beforeAll(() => {
      brokenApp = mkdtempSync(join(tmpdir(), 'value-layer-broken-manifest-'));
      cpSync(join(repoRoot, 'src'), join(brokenApp, 'src'), { recursive: true });
      cpSync(join(repoRoot, 'static/build'), join(brokenApp, 'static/build'), { recursive: true });
      const manifest = readFileSync(join(repoRoot, 'manifest.yml'), 'utf8')
        .replace('modules:\n', 'modules:\n  jira:notAModule:\n    - key: nope\n')
        .replace('path: static/build/admin', 'path: static/build/missing-admin');
      writeFileSync(join(brokenApp, 'manifest.yml'), manifest);
    });

    afterAll(() => {
      rmSync(brokenApp, { recursive: true, force: true });
    });

    it('reports the unknown module', async () => {
      const result = await validateIn(brokenApp);

      expect(result.success).toBe(false);
      expect(result.errors?.map((error) => error.message).join('\n')).toMatch(/jira:notAModule/);
    });

    it('reports the missing resource folder once the schema is fixed', async () => {
      const manifest = readFileSync(join(brokenApp, 'manifest.yml'), 'utf8');
      writeFileSync(
        join(brokenApp, 'manifest.yml'),
        manifest.replace('  jira:notAModule:\n    - key: nope\n', ''),
      );

      const result = await validateIn(brokenApp);

      expect(result.success).toBe(false);
      expect(result.errors?.map((error) => error.message).join('\n')).toMatch(/missing-admin/);
    });
  });
});
