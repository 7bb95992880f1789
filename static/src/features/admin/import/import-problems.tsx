import type { ImportRollbackConflict } from '../../../../../src/contract/admin.contract';
import type { FieldError } from '../../../../../src/contract/envelope';
import { plural } from '../text';
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
