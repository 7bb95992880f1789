/** One line of a change: a field, what it held (null: nothing, so no "from") and what it holds. */
export interface ChangeLine {
  key: string;
  field: string;
  before: string | null;
  after: string;
}

/**
 * Changes field by field, "Name Grow → Grow revenue", as the import preview and the audit log show
 * them; screen readers hear "changed to" for the arrow.
 */
export function ChangeList({ lines }: { lines: readonly ChangeLine[] }) {
  return (
    <ul className="vl-change-list">
      {lines.map((line) => (
        <li key={line.key}>
          <span className="vl-change-field">{line.field}</span>{' '}
          {line.before !== null && (
            <>
              <del>{line.before}</del>
              <span aria-hidden="true"> → </span>
              <span className="vl-visually-hidden"> changed to </span>
            </>
          )}
          <ins>{line.after}</ins>
        </li>
      ))}
    </ul>
  );
}
