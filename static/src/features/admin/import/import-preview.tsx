import type { ReactNode } from 'react';
import type { ImportPreview, ImportRollbackConflict } from '../../../../../src/contract/admin.contract';
import type { FieldError } from '../../../../../src/contract/envelope';
import { SectionMessage } from '../../../ui/section-message';
import { plural } from '../text';

/** What an import will change, as the server worked it out; `children` holds the confirm buttons. */
export function ImportPreviewView({ preview, children }: { preview: ImportPreview; children?: ReactNode }) {
  const { counts, changes } = preview;
  return (
    <section className="vl-panel vl-preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{preview.valid ? 'Ready to import' : 'Preview'}</h3>
      <dl className="vl-stats">
        <div>
          <dt>Objectives in the file</dt>
          <dd>{counts.objectives.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Epics in the file</dt>
          <dd>{counts.epics.toLocaleString()}</dd>
        </div>
      </dl>
      {preview.valid && (
        <>
          <h4>What will change</h4>
          <ul className="vl-changes">
            <Change ids={changes.objectivesAdded} text={(n) => `Adds ${plural(n, 'objective')}`} />
            <Change
              ids={changes.objectivesChanged}
              text={(n) => `Changes ${plural(n, 'objective')} (name, status or weight)`}
            />
            <Change
              ids={changes.epicsWithNewRecord}
              text={(n) => `Records value on ${plural(n, 'epic')} for the first time`}
            />
            <Change
              ids={changes.epicsReplaced}
              text={(n) => `Replaces the value record of ${plural(n, 'epic')}`}
            />
            <Change
              ids={changes.epicsUnreadableReplaced}
              text={(n) => `Replaces an unreadable record on ${plural(n, 'epic')}`}
            />
            <li>
              {changes.settingsChanged
                ? 'Changes the currency or discount rate'
                : 'Keeps the currency and discount rate'}
            </li>
          </ul>
          {changes.epicsReplaced.length > 0 && (
            <SectionMessage
              appearance="warning"
              live={false}
              title="Existing records are replaced, not merged"
            >
              <p>
                Each replaced epic keeps its history: the import is saved as a new revision, and teams can see
                what changed in the Value panel.
              </p>
            </SectionMessage>
          )}
          {changes.epicsUnreadableReplaced.length > 0 && (
            <SectionMessage appearance="information" live={false} title="Unreadable records are repaired">
              <p>
                The app cannot read what these epics hold now (damaged, or written by a newer version), so the
                file&rsquo;s record replaces it. If the import fails, what they held is put back exactly.
              </p>
            </SectionMessage>
          )}
          {changes.settingsChanged && (
            <SectionMessage appearance="warning" live={false} title="Amounts are not converted">
              <p>
                The file&rsquo;s currency or discount rate replaces this site&rsquo;s. Amounts are read as
                they are written.
              </p>
            </SectionMessage>
          )}
        </>
      )}
      {children}
    </section>
  );
}

function Change({ ids, text }: { ids: readonly string[]; text: (count: number) => string }) {
  if (ids.length === 0) return null;
  return (
    <li>
      <details>
        <summary>{text(ids.length)}</summary>
        <p className="vl-id-list">{ids.join(', ')}</p>
      </details>
    </li>
  );
}

/** Every problem of a file, with its path in the file. */
export function IssueTable({ issues }: { issues: readonly FieldError[] }) {
  return (
    <div className="vl-table-scroll vl-issues" role="region" aria-labelledby="issues-caption" tabIndex={0}>
      <table className="vl-table">
        <caption id="issues-caption" className="vl-table-caption">
          {plural(issues.length, 'problem')} in the file
        </caption>
        <thead>
          <tr>
            <th scope="col">Where in the file</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={`${issue.path}-${String(index)}`}>
              <td>
                <code>{issue.path}</code>
              </td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Epics a rolled-back import left as they are, because someone changed them after it wrote them. */
export function ConflictTable({ conflicts }: { conflicts: readonly ImportRollbackConflict[] }) {
  return (
    <div className="vl-table-scroll vl-issues" role="region" aria-labelledby="conflicts-caption" tabIndex={0}>
      <table className="vl-table">
        <caption id="conflicts-caption" className="vl-table-caption">
          {plural(conflicts.length, 'epic')} left as someone else saved{' '}
          {conflicts.length === 1 ? 'it' : 'them'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Epic</th>
            <th scope="col">Revision now</th>
            <th scope="col">Saved by</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict) => (
            <tr key={conflict.key}>
              <td>{conflict.key}</td>
              <td>{conflict.revision ?? 'unknown'}</td>
              <td>{conflict.updatedBy ?? 'unknown'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
