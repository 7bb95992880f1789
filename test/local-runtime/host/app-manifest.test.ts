/** How the host reads manifest.yml: the UI modules it mounts and where their resources are. */
import { readHostManifest } from '../../../local-runtime/host/app-manifest';
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

  it('marks the gadget not refreshable: it handles JIRA_DASHBOARD_GADGET_REFRESH itself, so Jira must not reload it', () => {
    expect(manifest.modules.find((m) => m.key === 'value-gadget')?.refreshable).toBe(false);
  });

  it('maps every resource key to its build folder under the project', () => {
    expect(manifest.resourceDirs.get('admin')).toBe(`${projectRoot}/static/build/admin`);
  });
});
