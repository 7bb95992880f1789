import { useEffect, useState } from 'react';
import { issueTypes, type JiraIssueType } from '../jira-api';
import type { SettingsDraft, SettingsErrors } from './settings-form';

type TypeNames =
  { state: 'loading' } | { state: 'ready'; types: JiraIssueType[] } | { state: 'failed'; message: string };

/** The issue types' names from Jira; ids until they arrive, or if Jira does not answer. */
function useTypeNames(): TypeNames {
  const [names, setNames] = useState<TypeNames>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    issueTypes()
      .then((types) => {
        if (current) setNames({ state: 'ready', types });
      })
      .catch((error: unknown) => {
        if (current)
          setNames({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      current = false;
    };
  }, []);
  return names;
}

/** Which issue types count as epics: every level-1 type, or those chosen. */
export function EpicTypes({
  draft,
  level1,
  errors,
  update,
}: {
  draft: SettingsDraft;
  /** The ids of the issue types at hierarchy level 1. */
  level1: readonly string[];
  errors: SettingsErrors;
  update: (change: Partial<SettingsDraft>) => void;
}) {
  const typeNames = useTypeNames();
  const chosenElsewhere = draft.epicIssueTypeIds.filter((id) => !level1.includes(id));
  const nameOf = (id: string) =>
    typeNames.state === 'ready'
      ? (typeNames.types.find((type) => type.id === id)?.name ?? `Issue type ${id}`)
      : `Issue type ${id}`;
  const error = errors['epicIssueTypeIds'];
  return (
    <fieldset className="vl-fieldset vl-settings-group" aria-describedby="epic-types-hint">
      <legend className="vl-group-title">Which issues are epics</legend>
      <p className="vl-hint" id="epic-types-hint">
        The Value panel and the KPIs cover issues of these types.
      </p>
      {error !== undefined && (
        <p className="vl-field-error" id="epic-types-error">
          {error}
        </p>
      )}
      <div className="vl-radio">
        <input
          type="radio"
          id="epic-types-level-1"
          name="epic-types"
          checked={draft.epicTypes === 'level-1'}
          onChange={() => {
            update({ epicTypes: 'level-1' });
          }}
        />
        <label htmlFor="epic-types-level-1">
          Every issue type at hierarchy level 1 (Jira&rsquo;s epic level
          {typeNames.state === 'ready' && level1.length > 0 ? `: ${level1.map(nameOf).join(', ')}` : ''})
        </label>
      </div>
      <div className="vl-radio">
        <input
          type="radio"
          id="epic-types-chosen"
          name="epic-types"
          checked={draft.epicTypes === 'chosen'}
          aria-describedby={error === undefined ? undefined : 'epic-types-error'}
          onChange={() => {
            update({ epicTypes: 'chosen' });
          }}
        />
        <label htmlFor="epic-types-chosen">Only the types I choose</label>
      </div>
      {draft.epicTypes === 'chosen' && (
        <div className="vl-checkbox-list" role="group" aria-label="Issue types that count as epics">
          {[...level1, ...chosenElsewhere].map((id) => (
            <label key={id} className="vl-checkbox">
              <input
                type="checkbox"
                checked={draft.epicIssueTypeIds.includes(id)}
                onChange={(event) => {
                  update({
                    epicIssueTypeIds: event.target.checked
                      ? [...draft.epicIssueTypeIds, id]
                      : draft.epicIssueTypeIds.filter((chosen) => chosen !== id),
                  });
                }}
              />
              {nameOf(id)}
              {!level1.includes(id) && <span className="vl-subtle"> (no longer at level 1)</span>}
            </label>
          ))}
        </div>
      )}
      {typeNames.state === 'failed' && (
        <p className="vl-hint">
          Jira did not return the issue type names ({typeNames.message}), so ids are shown.
        </p>
      )}
    </fieldset>
  );
}
