import { useMemo, useState } from 'react';
import { createAdminApi } from './admin-api';
import { AdminContext, type AdminContextValue, type SectionId } from './admin-context';
import { AuditSection } from './audit/audit-section';
import { BackupSection } from './backup/backup-section';
import { ImportSection } from './import/import-section';
import { useResource } from '../../shared/use-resource';
import { ObjectivesSection } from './objectives/objectives-section';
import { SettingsSection } from './settings/settings-section';
import { SectionMessage } from '../../ui/section-message';
import { Skeleton } from '../../ui/skeleton';
import { Tabs } from '../../ui/tabs';
import { useModuleRoute } from './use-module-route';
import { UserDirectory, UserDirectoryContext } from './user-directory';
import './admin.css';
import { Button } from '../../ui/button';

const SECTIONS: readonly { id: SectionId; label: string; path: string }[] = [
  { id: 'objectives', label: 'Objectives', path: '/' },
  { id: 'settings', label: 'Settings', path: '/settings' },
  { id: 'import', label: 'Import', path: '/import' },
  { id: 'backup', label: 'Backup', path: '/backup' },
  { id: 'audit', label: 'Audit log', path: '/audit' },
];

/**
 * The app's admin page. The settings are asked for at once, whatever section is shown: that call
 * is also the server's check that the viewer is a Jira admin, so a refusal shows before anything
 * else can be tried.
 */
export function AdminPage() {
  const [refusal, setRefusal] = useState<string | null>(null);
  const api = useMemo(() => createAdminApi(setRefusal), []);
  const [directory] = useState(() => new UserDirectory());
  const [section, show] = useModuleRoute(SECTIONS, 'objectives');
  const context = useMemo<AdminContextValue>(() => ({ api, show }), [api, show]);

  const loaded = useResource('settings', api.getSettings);
  const settings = loaded.resource;

  if (refusal !== null) return <RefusalScreen reason={refusal} />;

  return (
    <AdminContext.Provider value={context}>
      <UserDirectoryContext.Provider value={directory}>
        <main className="vl-page" aria-labelledby="page-title">
          <header className="vl-page-header">
            <h1 id="page-title">Value Layer</h1>
            <p className="vl-subtle">
              Strategic objectives, settings, import and backup for the value recorded on this site&rsquo;s
              epics.
            </p>
          </header>
          {settings.state === 'loading' ? (
            <Skeleton label="Checking your access and loading the settings…" rows={5} />
          ) : settings.state === 'failed' ? (
            <SectionMessage
              appearance="error"
              title="Value Layer could not load its settings"
              actions={<Button onClick={loaded.retry}>Try again</Button>}
            >
              <p>{settings.error.message}</p>
            </SectionMessage>
          ) : (
            <Tabs label="Value Layer administration" tabs={SECTIONS} selected={section} onSelect={show}>
              {section === 'objectives' && <ObjectivesSection />}
              {section === 'settings' && <SettingsSection view={settings.data} onSaved={loaded.replace} />}
              {section === 'import' && <ImportSection />}
              {section === 'backup' && <BackupSection />}
              {section === 'audit' && <AuditSection />}
            </Tabs>
          )}
        </main>
      </UserDirectoryContext.Provider>
    </AdminContext.Provider>
  );
}

/** What a person who is not a Jira admin sees: the server refused, and why, and what to do. */
export function RefusalScreen({ reason }: { reason: string }) {
  return (
    <main className="vl-page vl-refusal" aria-labelledby="refusal-title">
      <svg className="vl-refusal-icon" viewBox="0 0 24 24" width="48" height="48" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 2a5 5 0 0 1 5 5v3h1a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h1V7a5 5 0 0 1 5-5Zm0 11a2 2 0 0 0-1 3.73V18a1 1 0 1 0 2 0v-1.27A2 2 0 0 0 12 13Zm0-9a3 3 0 0 0-3 3v3h6V7a3 3 0 0 0-3-3Z"
        />
      </svg>
      <h1 id="refusal-title">Only Jira admins can manage Value Layer</h1>
      <p>{reason}</p>
      <p className="vl-subtle">
        Objectives and settings shape the figures of every project, so Value Layer checks Jira&rsquo;s
        Administer permission on every change. Ask a Jira admin to make the change for you. Teams record value
        in the Value panel on each epic, and the Portfolio value gadget shows the KPIs.
      </p>
    </main>
  );
}
