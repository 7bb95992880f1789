import { useEffect, useRef, useState } from 'react';
import type { EpicValueView, HistoryEntry } from '../../../../src/contract/panel.contract';
import { formatMoney } from '../../shared/format';
import { displayNames, getHistory } from './api';
import { describeChange, peopleNamedBy } from './history-text';
import { formatDateTime } from './history-tab';
import { useDisplayNames } from './use-display-names';
import { Button } from '../../ui/button';
import { SectionMessage } from '../../ui/section-message';

interface ConflictNoticeProps {
  issueKey: string;
  theirs: EpicValueView;
  /** The revision the user's edits started from. */
  baseRevision: number;
  onReapply: (name: string) => void;
  onUseTheirs: () => void;
}

const SHOWN_CHANGES = 8;

/**
 * Someone saved the epic while the user was editing. Shows who and what they changed, and lets
 * the user put their own edits on top of that version, or take it as it is (with undo).
 */
export function ConflictNotice({
  issueKey,
  theirs,
  baseRevision,
  onReapply,
  onUseTheirs,
}: ConflictNoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [name, setName] = useState(theirs.updatedBy ?? 'Someone');
  const [changes, setChanges] = useState<HistoryEntry['changes'] | null>(null);

  useEffect(() => {
    ref.current?.focus();
    const run = new AbortController();
    const stopped = () => run.signal.aborted;
    void (async () => {
      if (theirs.updatedBy !== null) {
        const names = await displayNames([theirs.updatedBy]);
        if (!stopped()) setName(names.get(theirs.updatedBy) ?? theirs.updatedBy);
      }
      const page = await getHistory(issueKey);
      if (!stopped() && page.ok) {
        setChanges(
          page.data.entries
            .filter((entry) => entry.revision > baseRevision)
            .reverse()
            .flatMap((entry) => entry.changes),
        );
      }
    })();
    return () => {
      run.abort();
    };
  }, [issueKey, theirs.updatedBy, baseRevision]);

  const objectiveNames = new Map(theirs.objectives.map((objective) => [objective.id, objective.name]));
  const shown = changes?.slice(0, SHOWN_CHANGES) ?? [];
  const { nameOf } = useDisplayNames(shown.flatMap(peopleNamedBy));
  return (
    <SectionMessage
      appearance="warning"
      className="conflict"
      ref={ref}

      role="alert"
      tabIndex={-1}
      aria-labelledby="conflict-title"
    >
      <h2 id="conflict-title" className="vl-message-title">
        {name} saved {issueKey} while you were editing
      </h2>
      <p>
        Your changes are not saved yet, and nothing is lost.{' '}
        {theirs.updatedAt === null ? '' : `Their version was saved ${formatDateTime(theirs.updatedAt)}. `}
        It has {theirs.value.benefits.length} benefit{theirs.value.benefits.length === 1 ? '' : 's'}, planned
        benefit {formatMoney(theirs.kpis.plannedBenefit, theirs.currency)} and actual cost{' '}
        {formatMoney(theirs.kpis.actualCost, theirs.currency)}.
      </p>
      {shown.length > 0 ? (
        <>
          <h3 className="conflict-subtitle">What they changed</h3>
          <ul className="history-changes">
            {shown.map((change, index) => (
              <li key={index}>
                {describeChange(change, {
                  currency: theirs.currency,
                  objectiveName: (id) => objectiveNames.get(id) ?? id,
                  personName: nameOf,
                })}
              </li>
            ))}
            {changes !== null && changes.length > SHOWN_CHANGES ? (
              <li>…and {changes.length - SHOWN_CHANGES} more (see History).</li>
            ) : null}
          </ul>
        </>
      ) : null}
      <div className="vl-message-actions">
        <Button
          appearance="primary"
          onClick={() => {
            onReapply(name);
          }}
        >
          Re-apply my changes to their version
        </Button>
        <Button appearance="subtle" onClick={onUseTheirs}>
          Use their version, discard mine
        </Button>
      </div>
    </SectionMessage>
  );
}
