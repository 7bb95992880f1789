/** The Content-Security-Policy the host serves Custom UI resources with: @forge/csp's production header. */
import { readAppManifest } from '../../src/app/app-manifest';
import { describeCspReport } from '../../src/host/csp-report';
import { resourceCsp, type ResourceCspInput } from '../../src/host/resource-csp';
import { fixtureAppRoot } from './test-host';

const siteUrl = 'https://fixture-site.atlassian.net';

function directives(input: Partial<ResourceCspInput>): Map<string, string> {
  const header = resourceCsp({
    permissions: undefined,
    indexHtml: '<!doctype html><html><head></head><body></body></html>',
    siteUrl,
    reportUri: '/api/csp-reports',
    ...input,
  });
  return new Map(
    header.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources.join(' ')];
    }),
  );
}

describe('resourceCsp', () => {
  it("allows scripts and styles only from the resource itself and Forge's CDN for this app's manifest", () => {
    const csp = directives({ permissions: readAppManifest(fixtureAppRoot).permissions });
    expect(csp.get('script-src')).toMatch(/^'self' https:\/\/forge\.cdn\.prod\.atlassian-dev\.net /);
    expect(csp.get('style-src')).toMatch(
      /^'self' https:\/\/fixture-site\.atlassian\.net https:\/\/forge\.cdn/,
    );
    expect([...csp.values()].join(' ')).not.toContain('unsafe');
  });

  it('adds unsafe-eval and unsafe-inline only when permissions.content asks for them', () => {
    const csp = directives({
      permissions: { content: { scripts: ['unsafe-eval'], styles: ['unsafe-inline'] } },
    });
    expect(csp.get('script-src')).toMatch(/ 'unsafe-eval'$/);
    expect(csp.get('style-src')).toMatch(/ 'unsafe-inline'$/);
  });

  it("allows an inline script of the resource's index.html by its sha256 hash, as Forge does", () => {
    const csp = directives({ indexHtml: '<html><head><script>window.x = 1;</script></head></html>' });
    expect(csp.get('script-src')).toMatch(/ 'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it("keeps Forge's sandbox (scripts and same origin, no top-level navigation) and frame ancestors", () => {
    const csp = directives({});
    expect(csp.get('sandbox')).toBe(
      'allow-popups allow-popups-to-escape-sandbox allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts',
    );
    expect(csp.get('frame-ancestors')).toMatch(/^'self' \*\.atlassian\.net /);
  });

  it("sends violation reports to the host instead of Atlassian's collector", () => {
    expect(directives({}).get('report-uri')).toBe('/api/csp-reports');
  });
});

describe('describeCspReport', () => {
  it('names the document, the directive, what was blocked and where', () => {
    expect(
      describeCspReport({
        'csp-report': {
          'document-uri': 'http://localhost:8080/resources/gadget/index.html',
          'effective-directive': 'script-src',
          'blocked-uri': 'eval',
          'source-file': 'http://localhost:8080/resources/gadget/assets/index.js',
          'line-number': 12,
        },
      }),
    ).toBe(
      'CSP violation in http://localhost:8080/resources/gadget/index.html: script-src blocked eval at http://localhost:8080/resources/gadget/assets/index.js:12',
    );
  });

  it('keeps a report of another shape, shortened, rather than dropping it', () => {
    expect(describeCspReport({ type: 'csp-violation' })).toBe(
      'CSP violation report in an unknown format: {"type":"csp-violation"}',
    );
  });
});
