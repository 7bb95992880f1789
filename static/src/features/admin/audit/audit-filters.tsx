import type { AuditFilter } from '../admin-api';

const KINDS = [
  { value: '', label: 'Every kind' },
  { value: 'objective', label: 'Objectives' },
  { value: 'settings', label: 'Settings' },
  { value: 'portfolio', label: 'Imports' },
  { value: 'baseline', label: 'Approved baselines' },
  { value: 'planning', label: 'Applied scenarios' },
] as const;

/** The audit log's filters: kind, who, and a range of days. */
export function AuditFilters({
  filter,
  people,
  nameOf,
  onChange,
}: {
  filter: AuditFilter;
  /** Accounts to offer under "Who": those seen in the log so far, and the one chosen. */
  people: readonly string[];
  nameOf: (accountId: string) => string;
  onChange: (filter: AuditFilter) => void;
}) {
  const set = (change: Partial<Record<keyof AuditFilter, string>>) => {
    const next: Record<string, string> = { ...filter, ...change };
    onChange(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')));
  };
  return (
    <fieldset className="vl-audit-filters">
      <legend className="vl-visually-hidden">Filter the audit log</legend>
      <label className="vl-filter">
        <span className="vl-label">Kind</span>
        <select
          className="vl-input vl-select"
          value={filter.kind ?? ''}
          onChange={(event) => {
            set({ kind: event.target.value });
          }}
        >
          {KINDS.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
      </label>
      <label className="vl-filter">
        <span className="vl-label">Who</span>
        <select
          className="vl-input vl-select"
          value={filter.by ?? ''}
          onChange={(event) => {
            set({ by: event.target.value });
          }}
        >
          <option value="">Anyone</option>
          {[...new Set([...people, ...(filter.by === undefined ? [] : [filter.by])])].map((accountId) => (
            <option key={accountId} value={accountId}>
              {nameOf(accountId)}
            </option>
          ))}
        </select>
      </label>
      <label className="vl-filter">
        <span className="vl-label">From</span>
        <input
          className="vl-input"
          type="date"
          value={filter.from ?? ''}
          max={filter.to}
          onChange={(event) => {
            set({ from: event.target.value });
          }}
        />
      </label>
      <label className="vl-filter">
        <span className="vl-label">To</span>
        <input
          className="vl-input"
          type="date"
          value={filter.to ?? ''}
          min={filter.from}
          onChange={(event) => {
            set({ to: event.target.value });
          }}
        />
      </label>
    </fieldset>
  );
}
