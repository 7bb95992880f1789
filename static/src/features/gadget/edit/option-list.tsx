import { useState } from 'react';
import type { ScopeOption } from '../data/jira-options';
import { envelopeOf, useResource, type Resource } from '../../../shared/use-resource';
import { Button } from '../../../ui/button';
import { SectionMessage } from '../../../ui/section-message';

type OptionsState = Resource<ScopeOption[]>;

/** Loads a list of choices once, keeping the failure to show rather than an empty list. */
export function useOptions(what: string, load: () => Promise<ScopeOption[]>): [OptionsState, () => void] {
  const { resource, retry } = useResource(what, () => envelopeOf(load));
  return [resource, retry];
}

/**
 * A filterable list of checkboxes (projects, programmes, objectives). Chosen values that the list
 * does not offer (no longer visible, or typed earlier) stay chosen and are listed first.
 */
export function OptionList({
  legend,
  what,
  options,
  selected,
  onChange,
  onRetry,
  errorId,
  error,
}: {
  legend: string;
  what: string;
  options: OptionsState;
  selected: string[];
  onChange: (selected: string[]) => void;
  onRetry: () => void;
  errorId: string;
  error: string | undefined;
}) {
  const [filter, setFilter] = useState('');
  const filterId = `${errorId}-filter`;
  if (options.state === 'loading') {
    return (
      <div className="vl-loading" role="status">
        <span className="vl-loading-label">Loading {what}…</span>
        <progress className="vl-progress" aria-label={`Loading ${what}`} />
      </div>
    );
  }
  if (options.state === 'failed') {
    return (
      <SectionMessage appearance="error">
        <p>
          The {what} could not be loaded: {options.error.message}
        </p>
        <Button onClick={onRetry}>Try again</Button>
      </SectionMessage>
    );
  }
  const known = new Set(options.data.map((o) => o.value));
  const all = [
    ...selected.filter((value) => !known.has(value)).map((value) => ({ value, label: value })),
    ...options.data,
  ];
  const needle = filter.trim().toLowerCase();
  const shown =
    needle === ''
      ? all
      : all.filter((o) => o.label.toLowerCase().includes(needle) || selected.includes(o.value));
  const toggle = (value: string, checked: boolean) => {
    onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  };
  return (
    <fieldset
      className="vl-option-list"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="vl-label">
        {legend} <span className="vl-subtle">({selected.length} chosen)</span>
      </legend>
      {all.length === 0 ? (
        <p className="vl-subtle">There are no {what} you can browse.</p>
      ) : (
        <>
          {all.length > 8 ? (
            <div className="vl-filter">
              <label htmlFor={filterId} className="vl-visually-hidden">
                Filter {what}
              </label>
              <input
                id={filterId}
                type="search"
                className="vl-input"
                placeholder={`Filter ${what}`}
                value={filter}
                onChange={(event) => {
                  setFilter(event.target.value);
                }}
              />
            </div>
          ) : null}
          <ul className="vl-checks">
            {shown.map((option) => {
              const id = `${errorId}-${option.value}`;
              return (
                <li key={option.value}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={selected.includes(option.value)}
                    onChange={(event) => {
                      toggle(option.value, event.target.checked);
                    }}
                  />
                  <label htmlFor={id}>{option.label}</label>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </fieldset>
  );
}
