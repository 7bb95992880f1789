/**
 * The fixture apps the runtime's tests run are real Forge apps: Atlassian's own validator
 * (@forge/manifest, what `forge lint` and `forge deploy` run) accepts their manifests, so a
 * behaviour the tests see is one a deployable app could meet.
 */
import { resolve } from 'node:path';
import { validate } from '@forge/manifest';

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

/** The validator's first call loads its JSON schemas: seconds on a busy machine. */
const firstValidationMs = 60_000;

describe("the fixture apps' manifests, checked by @forge/manifest", () => {
  it.each(['forge-app', 'forge-app-narrow-scopes'])(
    'passes with no errors for %s',
    async (app) => {
      const result = await validateIn(resolve(__dirname, 'fixtures', app));

      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    },
    firstValidationMs,
  );
});
