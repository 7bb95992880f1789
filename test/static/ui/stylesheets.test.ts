import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import tokenNames from '@atlaskit/tokens/token-names';

const staticRoot = join(__dirname, '../../../static');
const sourceRoot = join(staticRoot, 'src');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

const sources = filesUnder(sourceRoot).filter((file) => /\.(css|tsx?|html)$/.test(file));

describe('the stylesheets of static/', () => {
  it('use only design tokens that @atlaskit/tokens defines', () => {
    const known = new Set<string>(Object.values(tokenNames));
    const unknown = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/var\((--ds-[\w-]+)/g)]
        .map((match) => match[1] ?? '')
        .filter((token) => !known.has(token))
        .map((token) => `${relative(staticRoot, file)}: ${token}`),
    );
    expect(unknown).toEqual([]);
  });

  it('knows a made-up token as unknown, so the check above can fail', () => {
    const known = new Set<string>(Object.values(tokenNames));
    expect(known.has('--ds-border-radius')).toBe(false);
    expect(known.has('--ds-radius-small')).toBe(true);
  });

  it('leave the kit parts to the kit stylesheet: no module restyles a button, message or table', () => {
    const kitSelector =
      /^\.(vl-)?(button|message|section-message|lozenge|tabs?|avatar|skeleton|modal|blanket|field|label|hint|input|select|textarea|table|spinner)([-_][\w-]*)?\b[^{]*\{/gm;
    const restyled = sources
      .filter((file) => file.endsWith('.css') && !file.startsWith(join(sourceRoot, 'ui')))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(kitSelector)].map(
          (match) => `${relative(staticRoot, file)}: ${match[0].replace(/\s*\{$/, '')}`,
        ),
      );
    expect(restyled).toEqual([]);
  });
});

describe('the file names of static/', () => {
  it('are all in kebab case', () => {
    const names = filesUnder(sourceRoot).map((file) => relative(sourceRoot, file));
    expect(
      names.filter((name) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)+$/.test(name.split('/').pop() ?? '')),
    ).toEqual([]);
  });
});
