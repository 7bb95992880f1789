/** The one reader of manifest.yml, as the runtime and the host take it from the fixture app. */
import { resolve } from 'node:path';
import { readAppManifest } from '../src';
import { FIXTURE_APP } from './site-fixtures';

describe('readAppManifest', () => {
  const manifest = readAppManifest(FIXTURE_APP);

  it('reads the app UUID out of the app ARI', () => {
    expect(manifest.appId).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('maps each function key to its file and export', () => {
    expect(manifest.functions.get('record-payload')).toEqual({
      key: 'record-payload',
      file: 'index',
      exportName: 'recordPayload',
      timeoutSeconds: 120,
    });
  });

  it('maps each UI module with a resolver to its function', () => {
    expect(manifest.resolverModules.get('fixture-gadget')).toEqual({
      moduleKey: 'fixture-gadget',
      moduleType: 'jira:dashboardGadget',
      functionKey: 'panel',
    });
  });

  it('reads triggers, scheduled triggers, consumers, memory and scopes', () => {
    expect(manifest.triggers.find((t) => t.key === 'own-events-ignored')).toMatchObject({
      functionKey: 'record-event',
      ignoreSelf: true,
    });
    expect(manifest.scheduledTriggers.get('nightly')).toMatchObject({
      functionKey: 'nightly',
      interval: 'day',
    });
    expect(manifest.consumers).toEqual([
      { key: 'work-consumer', queue: 'fixture-work', functionKey: 'work' },
    ]);
    expect(manifest.memoryMB).toBe(128);
    expect([...manifest.scopes]).toContain('storage:app');
  });

  it('reads the indexed issue property values and the custom entities with their indexes', () => {
    expect(manifest.indexedProperties).toContainEqual({
      propertyKey: 'fixture-record',
      path: 'index.roi',
      type: 'number',
      searchAlias: 'fixtureScore',
    });
    expect(manifest.entities.get('objective')?.indexes.get('by-status-weight')).toEqual({
      name: 'by-status-weight',
      partition: ['status'],
      range: ['weight'],
    });
  });

  it("gives the issue panel its resource, icon and display condition's issue types", () => {
    expect(manifest.uiModules.find((m) => m.key === 'fixture-panel')).toEqual({
      key: 'fixture-panel',
      type: 'jira:issuePanel',
      title: 'Fixture panel',
      iconUrl: '/resources/main/icon.svg',
      resourceUrl: '/resources/main/index.html',
      issueTypes: ['Epic'],
      refreshable: true,
    });
  });

  it('gives a gadget its title text, description, edit resource and refreshable flag', () => {
    expect(manifest.uiModules.find((m) => m.key === 'fixture-gadget')).toEqual({
      key: 'fixture-gadget',
      type: 'jira:dashboardGadget',
      title: 'Fixture gadget',
      description: 'Shows what the fixture app stored',
      resourceUrl: '/resources/main/index.html',
      editResourceUrl: '/resources/main/index.html',
      refreshable: false,
    });
  });

  it('maps every resource key to its folder under the app', () => {
    expect(manifest.resourceDirs.get('main')).toBe(resolve(FIXTURE_APP, 'static'));
  });
});
