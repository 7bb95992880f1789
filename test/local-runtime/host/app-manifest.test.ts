/** How the host reads manifest.yml: the UI modules it mounts and the CSP it serves them with. */
import { readHostManifest, resourceCsp } from '../../../local-runtime/host/app-manifest';
import { projectRoot } from './test-host';

describe('readHostManifest', () => {
  const manifest = readHostManifest(projectRoot);

  it('reads the app UUID out of the app ARI', () => {
    expect(manifest.appId).toBe('00000000-0000-4000-8000-000000000000');
  });

  it("gives the issue panel its resource, icon and display condition's issue types", () => {
    expect(manifest.modules.find((m) => m.key === 'value-panel')).toEqual({
      key: 'value-panel',
      type: 'jira:issuePanel',
      title: 'Value',
      iconUrl: '/resources/epic-panel/icon.svg',
      resourceUrl: '/resources/epic-panel/index.html',
      issueTypes: ['Epic'],
      refreshable: true,
    });
  });

  it('gives the gadget an edit resource, the same one when the manifest reuses it', () => {
    const gadget = manifest.modules.find((m) => m.key === 'value-gadget');
    expect(gadget?.editResourceUrl).toBe('/resources/gadget/index.html');
  });

  it('maps every resource key to its build folder under the project', () => {
    expect(manifest.resourceDirs.get('admin')).toBe(`${projectRoot}/static/build/admin`);
  });
});

describe('resourceCsp', () => {
  it('allows only same-origin scripts and styles when the manifest grants nothing more', () => {
    expect(resourceCsp({ contentScripts: [], contentStyles: [] })).toContain(
      "script-src 'self'; style-src 'self';",
    );
  });

  it('quotes the keywords of permissions.content and keeps hosts as they are', () => {
    const csp = resourceCsp({
      contentScripts: ['unsafe-eval', 'sha256-abc='],
      contentStyles: ['unsafe-inline'],
    });
    expect(csp).toContain("script-src 'self' 'unsafe-eval' 'sha256-abc='");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  });
});
