import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, repoRoot } from '../support/manifest';

interface ProductEventScopes {
  productEvent: string;
  oAuthScopes: { current: string[] };
}

/**
 * Atlassian's own list of the product events Forge delivers and the scopes each needs, as shipped
 * in @forge/manifest. The events reference (https://developer.atlassian.com/platform/forge/events-reference/jira/)
 * documents most of them; this list is the one the CLI checks against.
 */
function forgeProductEvents(): Map<string, string[]> {
  // The package's exports do not expose the file, so it is read from where npm installs it.
  const path = join(repoRoot, 'node_modules/@forge/manifest/out/mapping/product-event-to-scope-mapping.json');
  const mapping = JSON.parse(readFileSync(path, 'utf8')) as { mapping: ProductEventScopes[] };
  return new Map(mapping.mapping.map((entry) => [entry.productEvent, entry.oAuthScopes.current]));
}

const triggers = readManifest().modules.trigger as unknown as { key: string; events: string[] }[];

describe('manifest.yml product event triggers', () => {
  it('subscribe only to events Forge delivers', () => {
    const known = forgeProductEvents();
    const unknown = triggers.flatMap((trigger) => trigger.events).filter((event) => !known.has(event));
    expect(unknown).toEqual([]);
  });

  it('declare every scope each subscribed event needs', () => {
    const known = forgeProductEvents();
    const declared = new Set(readManifest().permissions.scopes);
    const missing = triggers
      .flatMap((trigger) => trigger.events)
      .flatMap((event) =>
        (known.get(event) ?? []).filter((scope) => !declared.has(scope)).map((scope) => `${event}: ${scope}`),
      );
    expect(missing).toEqual([]);
  });
});
