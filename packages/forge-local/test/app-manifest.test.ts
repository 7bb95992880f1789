/** The one reader of manifest.yml, as the runtime and the host take it from the fixture app. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
      functionKey: 'run-nightly',
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

  it('gives a gadget its title, description, edit resource and refreshable flag', () => {
    expect(manifest.uiModules.find((m) => m.key === 'fixture-gadget')).toEqual({
      key: 'fixture-gadget',
      type: 'jira:dashboardGadget',
      title: 'Fixture gadget',
      description: 'Shows what the fixture app stored',
      resourceUrl: '/resources/gadget/index.html',
      editResourceUrl: '/resources/gadget/index.html',
      refreshable: false,
    });
  });

  it('gives the admin page its resource and icon', () => {
    expect(manifest.uiModules.find((m) => m.key === 'fixture-admin')).toEqual({
      key: 'fixture-admin',
      type: 'jira:adminPage',
      title: 'Fixture admin',
      iconUrl: '/resources/admin/icon.svg',
      resourceUrl: '/resources/admin/index.html',
      refreshable: true,
    });
  });

  it('gives the global page its resource, icon and resolver function', () => {
    expect(manifest.uiModules.find((m) => m.key === 'fixture-page')).toEqual({
      key: 'fixture-page',
      type: 'jira:globalPage',
      title: 'Fixture page',
      iconUrl: '/resources/page/icon.svg',
      resourceUrl: '/resources/page/index.html',
      refreshable: true,
    });
    expect(manifest.resolverModules.get('fixture-page')).toEqual({
      moduleKey: 'fixture-page',
      moduleType: 'jira:globalPage',
      functionKey: 'panel',
    });
  });

  it('maps every resource key to its folder under the app', () => {
    expect(Object.fromEntries(manifest.resourceDirs)).toEqual({
      main: resolve(FIXTURE_APP, 'static/panel'),
      gadget: resolve(FIXTURE_APP, 'static/gadget'),
      admin: resolve(FIXTURE_APP, 'static/admin'),
      page: resolve(FIXTURE_APP, 'static/page'),
    });
  });

  describe('on a manifest written for it', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'forge-local-manifest-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('takes the text of a title given as an object', () => {
      writeFileSync(
        join(dir, 'manifest.yml'),
        [
          'app:',
          '  id: ari:cloud:ecosystem::app/22222222-3333-4444-8555-666666666666',
          'modules:',
          '  jira:dashboardGadget:',
          '    - key: titled-gadget',
          '      title:',
          '        text: Title from an object',
          '      description: A gadget',
          '      resource: main',
          'resources:',
          '  - key: main',
          '    path: static',
          '',
        ].join('\n'),
      );
      expect(readAppManifest(dir).uiModules.map((m) => m.title)).toEqual(['Title from an object']);
    });
  });
});
