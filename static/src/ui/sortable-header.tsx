import type { SortDirection, SortState } from './sorting';

/** A column header that sorts its table: a button inside `<th>`, with `aria-sort` on the `<th>`. */
export function SortableHeader<K extends string>({
  column,
  label,
  sort,
  onSort,
  firstDirection = 'descending',
  numeric = false,
}: {
  column: K;
  label: string;
  sort: SortState<K>;
  onSort: (column: K, firstDirection: SortDirection) => void;
  firstDirection?: SortDirection;
  numeric?: boolean;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'} className={numeric ? 'vl-num' : undefined}>
      <button
        type="button"
        className="vl-sort-button"
        onClick={() => {
          onSort(column, firstDirection);
        }}
      >
        {label}
        <svg
          className="vl-sort-icon"
          data-active={active}
          viewBox="0 0 16 16"
          width="12"
          height="12"
          aria-hidden="true"
        >
          {!active || sort.direction === 'ascending' ? <path d="M8 3l4 5H4z" /> : null}
          {!active || sort.direction === 'descending' ? <path d="M8 13l4-5H4z" /> : null}
        </svg>
      </button>
    </th>
  );
}
