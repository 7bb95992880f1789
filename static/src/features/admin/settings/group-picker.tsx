import { useState } from 'react';
import type { GroupOption, GroupSearch } from '../../../../../src/contract/admin.contract';
import type { Envelope } from '../../../../../src/contract/envelope';
import { Button } from '../../../ui/button';
import { Field } from '../../../ui/field';

type Found =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'found'; search: GroupSearch }
  | { state: 'failed'; message: string };

interface GroupPickerProps {
  /** Base of the element ids, e.g. `verifier-group`. */
  id: string;
  label: string;
  hint: string;
  /** The chosen group's id; null = Jira administrators hold the role. */
  value: string | null;
  /** Names of groups the page knows (the chosen ones, and those found). */
  known: readonly GroupOption[];
  error?: string | undefined;
  search: (query: string) => Promise<Envelope<GroupSearch>>;
  onChange: (group: GroupOption | null) => void;
}

/**
 * Picks one Jira group by name for a role, or none (Jira administrators hold it then). The admin
 * types part of a name and asks Jira with "Find groups"; each group found is a button to choose it.
 */
export function GroupPicker({ id, label, hint, value, known, error, search, onChange }: GroupPickerProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const chosen =
    value === null
      ? 'No group: Jira administrators'
      : (known.find((group) => group.groupId === value)?.name ?? `A group that no longer exists (${value})`);

  async function find(): Promise<void> {
    setFound({ state: 'searching' });
    const answer = await search(query);
    setFound(
      answer.ok
        ? { state: 'found', search: answer.data }
        : { state: 'failed', message: answer.error.message },
    );
  }

  return (
    <div className="vl-settings-group" role="group" aria-labelledby={`${id}-title`}>
      <h3 className="vl-group-title" id={`${id}-title`}>
        {label}
      </h3>
      <p className="vl-subtle" id={`${id}-chosen`}>
        Chosen: <strong>{chosen}</strong>
      </p>
      <Field id={`${id}-query`} label={`Find a group for ${label.toLowerCase()}`} hint={hint} error={error}>
        {(control) => (
          <input
            {...control}
            className="vl-input"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              // Enter searches here; it must not submit the settings form.
              event.preventDefault();
              void find();
            }}
          />
        )}
      </Field>
      <div className="vl-form-actions">
        <Button busy={found.state === 'searching'} onClick={() => void find()}>
          Find groups
        </Button>
        {value !== null && (
          <Button
            appearance="subtle"
            onClick={() => {
              onChange(null);
            }}
          >
            Use Jira administrators
          </Button>
        )}
      </div>
      {found.state === 'failed' && (
        <p className="vl-field-error" role="alert">
          {found.message}
        </p>
      )}
      {found.state === 'found' &&
        (found.search.groups.length === 0 ? (
          <p role="status">No group name contains “{query}”.</p>
        ) : (
          <ul aria-label={`Groups found for ${label.toLowerCase()}`}>
            {found.search.groups.map((group) => (
              <li key={group.groupId}>
                <Button
                  appearance="link"
                  aria-pressed={group.groupId === value}
                  onClick={() => {
                    onChange(group);
                  }}
                >
                  {group.name}
                </Button>
              </li>
            ))}
            {found.search.total > found.search.groups.length && (
              <li className="vl-subtle">
                Showing {found.search.groups.length} of {found.search.total}: type more of the name.
              </li>
            )}
          </ul>
        ))}
    </div>
  );
}
