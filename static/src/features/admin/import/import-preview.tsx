import type { ReactNode } from 'react';
import type {
  ImportEpicDiff,
  ImportFieldChange,
  ImportObjectiveDiff,
  ImportPreview,
} from '../../../../../src/contract/admin.contract';
import { Lozenge, type LozengeAppearance } from '../../../ui/lozenge';
import { SectionMessage } from '../../../ui/section-message';
import { Table, type Column } from '../../../ui/table';
import { ChangeList, type ChangeLine } from '../change-list';
import { plural } from '../text';
import { changeValueText } from './field-change';

const OUTCOMES: Record<
  ImportEpicDiff['outcome'] | ImportObjectiveDiff['outcome'],
  { label: string; appearance: LozengeAppearance }
> = {
  new: { label: 'New', appearance: 'new' },
  changed: { label: 'Changed', appearance: 'moved' },
  repaired: { label: 'Repaired', appearance: 'inprogress' },
  unchanged: { label: 'Unchanged', appearance: 'default' },
};

function linesOf(changes: readonly ImportFieldChange[], currency: string): ChangeLine[] {
  return changes.map((change, index) => ({
    key: `${change.field}-${String(index)}`,
    field: change.field,
    before: change.before === null ? null : changeValueText(change.before, change.unit, currency),
    after: changeValueText(change.after, change.unit, currency),
  }));
}

/** What an import will change, field by field, as the server worked it out; `children` holds the buttons. */
export function ImportPreviewView({ preview, children }: { preview: ImportPreview; children?: ReactNode }) {
  const { counts, changes, diff } = preview;
  const written =
    changes.epicsWithNewRecord.length + changes.epicsReplaced.length + changes.epicsUnreadableReplaced.length;
  return (
    <section className="vl-panel vl-preview" aria-labelledby="preview-title">
      <h3 id="preview-title">Ready to import</h3>
      <dl className="vl-stats">
        <Stat label="Objectives in the file" value={counts.objectives} />
        <Stat label="Epics in the file" value={counts.epics} />
        <Stat label="New records" value={changes.epicsWithNewRecord.length} />
        <Stat
          label="Changed records"
          value={changes.epicsReplaced.length + changes.epicsUnreadableReplaced.length}
        />
        <Stat label="Unchanged, left alone" value={changes.epicsUnchanged.length} />
      </dl>
      <SettingsChanges settings={diff.settings} currency={diff.currency} />
      <ObjectiveChanges objectives={diff.objectives} currency={diff.currency} />
      <EpicChanges preview={preview} written={written} />
      {changes.epicsReplaced.length > 0 && (
        <SectionMessage appearance="warning" live={false} title="Changed records are replaced, not merged">
          <p>
            Each changed epic keeps its history: the import is saved as a new revision, and teams see what
            changed in the Value panel. Unchanged epics get no new revision and keep who last saved them.
          </p>
        </SectionMessage>
      )}
      {changes.epicsUnreadableReplaced.length > 0 && (
        <SectionMessage appearance="information" live={false} title="Unreadable records are repaired">
          <p>
            The app cannot read what these epics hold now (damaged, or written by a newer version), so the
            file&rsquo;s record replaces it. If the import fails, what they held is put back exactly.
          </p>
        </SectionMessage>
      )}
      {diff.settings.some((change) => change.field === 'Currency') && (
        <SectionMessage appearance="warning" live={false} title="Amounts are not converted">
          <p>The file&rsquo;s currency replaces this site&rsquo;s. Amounts are read as they are written.</p>
        </SectionMessage>
      )}
      {children}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}

function SettingsChanges({ settings, currency }: { settings: ImportFieldChange[]; currency: string }) {
  return (
    <>
      <h4 id="preview-settings">Settings</h4>
      {settings.length === 0 ? (
        <p className="vl-subtle">The currency and discount rate stay as they are.</p>
      ) : (
        <div aria-labelledby="preview-settings" role="group">
          <ChangeList lines={linesOf(settings, currency)} />
        </div>
      )}
    </>
  );
}

const OBJECTIVE_COLUMNS: readonly Column<ImportObjectiveDiff & { currency: string }, string>[] = [
  {
    key: 'objective',
    label: 'Objective',
    cell: (row) => (
      <>
        <span className="vl-key">{row.id}</span> {row.name}
      </>
    ),
  },
  { key: 'outcome', label: 'Outcome', cell: (row) => <OutcomeLozenge outcome={row.outcome} /> },
  {
    key: 'changes',
    label: 'What changes',
    className: 'vl-wrap',
    cell: (row) =>
      row.outcome === 'new' ? (
        <span className="vl-subtle">Added as in the file</span>
      ) : (
        <ChangeList lines={linesOf(row.changes, row.currency)} />
      ),
  },
];

function ObjectiveChanges({ objectives, currency }: { objectives: ImportObjectiveDiff[]; currency: string }) {
  const touched = objectives.filter((objective) => objective.outcome !== 'unchanged');
  const unchanged = objectives.length - touched.length;
  return (
    <>
      <h4>Objectives</h4>
      {touched.length === 0 ? (
        <p className="vl-subtle">
          {objectives.length === 0 ? 'The file has no objectives.' : 'Every objective stays as it is.'}
        </p>
      ) : (
        <Table
          label="Objectives the import adds or changes"
          className="vl-diff-table"
          columns={OBJECTIVE_COLUMNS}
          rows={touched.map((objective) => ({ ...objective, currency }))}
          rowKey={(row) => row.id}
        />
      )}
      {unchanged > 0 && touched.length > 0 && (
        <p className="vl-hint">{plural(unchanged, 'other objective')} in the file stay as they are.</p>
      )}
    </>
  );
}

const EPIC_COLUMNS: readonly Column<ImportEpicDiff & { currency: string }, string>[] = [
  {
    key: 'epic',
    label: 'Epic',
    cell: (row) => (
      <>
        <span className="vl-key">{row.key}</span> <span className="vl-subtle">{row.summary}</span>
      </>
    ),
  },
  { key: 'outcome', label: 'Outcome', cell: (row) => <OutcomeLozenge outcome={row.outcome} /> },
  {
    key: 'changes',
    label: 'What changes',
    className: 'vl-wrap',
    cell: (row) =>
      row.outcome === 'repaired' ? (
        <span className="vl-subtle">The unreadable record is replaced by the file&rsquo;s</span>
      ) : (
        <ChangeList lines={linesOf(row.changes, row.currency)} />
      ),
  },
];

function EpicChanges({ preview, written }: { preview: ImportPreview; written: number }) {
  const { diff, changes } = preview;
  return (
    <>
      <h4>Epics</h4>
      {written === 0 ? (
        <p className="vl-subtle">
          {preview.counts.epics === 0
            ? 'The file has no epics.'
            : 'Every epic in the file holds what this site holds: none is written.'}
        </p>
      ) : (
        <Table
          label="Epics the import writes"
          className="vl-diff-table"
          columns={EPIC_COLUMNS}
          rows={diff.epics.map((epic) => ({ ...epic, currency: diff.currency }))}
          rowKey={(row) => row.key}
        />
      )}
      {diff.epicsNotDetailed > 0 && (
        <p className="vl-hint">
          And {plural(diff.epicsNotDetailed, 'more epic')} the import writes, not detailed here.
        </p>
      )}
      {changes.epicsUnchanged.length > 0 && (
        <details className="vl-unchanged">
          <summary>
            {plural(changes.epicsUnchanged.length, 'epic')} unchanged: left as they are, with no new revision
          </summary>
          <p className="vl-id-list">{changes.epicsUnchanged.join(', ')}</p>
        </details>
      )}
    </>
  );
}

function OutcomeLozenge({ outcome }: { outcome: keyof typeof OUTCOMES }) {
  const { label, appearance } = OUTCOMES[outcome];
  return <Lozenge appearance={appearance}>{label}</Lozenge>;
}
