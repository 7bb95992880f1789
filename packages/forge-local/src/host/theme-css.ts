/**
 * The Atlassian design-token CSS that Jira puts on its pages and that `view.theme.enable()` brings
 * into a Custom UI iframe. Each @atlaskit/tokens theme artifact's default export is one CSS
 * string, scoped by `data-theme` / `data-color-mode` on <html> (see shell/theme-attribute.ts).
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const artifacts = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-typography',
  'atlassian-spacing',
  'atlassian-shape',
];

export function readTokenCss(): string {
  // Resolved from the runtime's own package (its dependency), the same under tsx and jest.
  const requireFromRoot = createRequire(resolve(__dirname, '..', '..', 'package.json'));
  return artifacts
    .map((name) => {
      const mod: unknown = requireFromRoot(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`);
      const css = (mod as { default?: unknown }).default;
      if (typeof css !== 'string')
        throw new Error(`@atlaskit/tokens theme ${name} did not export a CSS string.`);
      return css;
    })
    .join('\n');
}
