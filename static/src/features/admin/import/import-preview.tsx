import type { ReactNode } from 'react';
import type { ImportPreview } from '../../../../../src/contract/admin.contract';
import type { FieldError } from '../../../../../src/contract/envelope';
import { SectionMessage } from '../ui/section-message';
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
