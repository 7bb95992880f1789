import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { FieldControlProps } from './field';
import { Avatar } from './avatar';
import { Button } from './button';

/** A person the picker offers: what Jira's user search returns, as far as the picker shows it. */
export interface PickableUser {
  accountId: string;
  displayName: string;
  emailAddress?: string;
}

type Search =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'done'; query: string; users: PickableUser[] }
  | { state: 'failed'; query: string; message: string };

const DEBOUNCE_MS = 250;

export interface UserPickerProps {
  control: FieldControlProps;
  /** What the person is picked as ("Owner"): names the Change button and the suggestions. */
  label: string;
  /** The picked account id, or null. */
  value: string | null;
  /** The picked person's name as shown on the chip (their account id until it is known). */
  name: string;
  /** Jira users matching what was typed; a rejection is shown as Jira's failure. */
  search: (query: string) => Promise<PickableUser[]>;
  onChange: (user: PickableUser | null) => void;
  /** Shown instead of the picker when nobody may change it: the chip without its button. */
  readOnly?: boolean;
}

/**
 * A Jira user picker: a combobox that searches Jira's users as you type (arrow keys to choose,
 * Enter to pick, Escape to close). The chosen person shows as a chip with a Change button. Where
 * the users come from is the caller's (`search`), so every module asks Jira its own way.
 */
export function UserPicker({
  control,
  label,
  value,
  name,
  search,
  onChange,
  readOnly = false,
}: UserPickerProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Search>({ state: 'idle' });
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      setFound({ state: 'searching', query: trimmed });
      search(trimmed)
        .then((users) => {
          if (current) {
            setFound({ state: 'done', query: trimmed, users });
            setActive(0);
          }
        })
        .catch((error: unknown) => {
          if (current)
            setFound({
              state: 'failed',
              query: trimmed,
              message: error instanceof Error ? error.message : String(error),
            });
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, search]);

  // An emptied box shows no results, whatever an earlier search found.
  const shown: Search = query.trim() === '' ? { state: 'idle' } : found;
  const users = shown.state === 'done' ? shown.users : [];
  const expanded = open && shown.state !== 'idle';

  function choose(user: PickableUser): void {
    onChange(user);
    setQuery('');
    setOpen(false);
    // The chip replaces the input: keep the focus on what the person can act on next.
    window.setTimeout(() => changeButton.current?.focus(), 0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (users.length > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((index) => (index + step + users.length) % users.length);
      }
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const user = users[active];
      if (user) choose(user);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  }

  if (value !== null || readOnly) {
    return (
      // The label's target: a div, so that the label does not rename the Change button.
      <div
        className="vl-user-chip"
        id={control.id}
        tabIndex={-1}
        aria-describedby={control['aria-describedby']}
      >
        {value === null ? (
          <span className="vl-subtle">Nobody yet</span>
        ) : (
          <>
            <Avatar name={name} />
            <span className="vl-user-name">{name}</span>
          </>
        )}
        {readOnly ? null : (
          <Button
            appearance="subtle"
            spacing="compact"
            ref={changeButton}
            onClick={() => {
              onChange(null);
              window.setTimeout(() => input.current?.focus(), 0);
            }}
          >
            Change
            <span className="vl-visually-hidden">
              {' '}
              {label.toLowerCase()} ({name})
            </span>
          </Button>
        )}
      </div>
    );
  }

  const activeUser = expanded ? users[active] : undefined;
  return (
    <div className="vl-user-picker">
      <input
        {...control}
        ref={input}
        className="vl-input"
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder="Search by name or email"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeUser ? `${listId}-${activeUser.accountId}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} suggestions`}
        className="vl-listbox"
        hidden={!expanded}
      >
        {users.map((user, index) => (
          <li
            key={user.accountId}
            id={`${listId}-${user.accountId}`}
            role="option"
            aria-selected={index === active}
            className="vl-option"
            // mousedown, not click: choosing must happen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(user);
            }}
          >
            <Avatar name={user.displayName} />
            <span>
              {user.displayName}
              {user.emailAddress !== undefined && user.emailAddress !== '' && (
                <span className="vl-subtle"> {user.emailAddress}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="vl-visually-hidden" role="status">
        {expanded ? describe(shown) : ''}
      </p>
      {expanded && (shown.state !== 'done' || users.length === 0) && (
        <p className="vl-picker-note" aria-hidden="true">
          {describe(shown)}
        </p>
      )}
    </div>
  );
}

function describe(search: Search): string {
  switch (search.state) {
    case 'idle':
      return '';
    case 'searching':
      return `Searching Jira users for "${search.query}"…`;
    case 'failed':
      return `Jira could not search users (${search.message}). Try again in a moment.`;
    case 'done':
      return search.users.length === 0
        ? `No Jira user matches "${search.query}".`
        : `${String(search.users.length)} user${search.users.length === 1 ? '' : 's'} found; use the arrow keys to choose.`;
  }
}
