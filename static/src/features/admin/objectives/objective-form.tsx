import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { StoredObjective } from '../../../../../src/contract/site-config.schema';
import { useAdminApi } from '../admin-context';
import { Field } from '../../../ui/field';
import { ErrorSummary } from '../../../ui/error-summary';
import { SectionMessage } from '../../../ui/section-message';
import {
  draftOf,
  EMPTY_DRAFT,
  errorsFromServer,
  objectiveOf,
  validateDraft,
  type ObjectiveDraft,
  type ObjectiveErrors,
} from './objective-draft';
import { UserPicker } from './user-picker';
import { Button } from '../../../ui/button';

interface ObjectiveFormProps {
  /** The objective to edit; absent to create one. */
  editing?: StoredObjective;
  objectives: readonly StoredObjective[];
  currency: string;
  onSaved: (objective: StoredObjective, mode: 'create' | 'edit') => void;
  onCancel: () => void;
}

/** The order fields appear in, so the error summary lists problems top to bottom. */
const FIELD_ORDER = [
  'id',
  'name',
  'description',
  'ownerAccountId',
  'weight',
  'status',
  'target.measure',
  'target.amount',
  'target.date',
  'parentId',
];
const FIELD_IDS: Record<string, string> = {
  id: 'objective-id',
  name: 'objective-name',
  description: 'objective-description',
  ownerAccountId: 'objective-owner',
  weight: 'objective-weight',
  status: 'objective-status',
  'target.measure': 'objective-target-measure',
  'target.amount': 'objective-target-amount',
  'target.date': 'objective-target-date',
  parentId: 'objective-parent',
};
const FIELD_LABELS: Record<string, string> = {
  id: 'ID',
  name: 'Name',
  description: 'Description',
  ownerAccountId: 'Owner',
  weight: 'Weight',
  status: 'Status',
  'target.measure': 'Target measure',
  'target.amount': 'Target amount',
  'target.date': 'Target date',
  parentId: 'Parent objective',
};

/** Create or edit one strategic objective; every field's problem is shown next to it. */
export function ObjectiveForm({ editing, objectives, currency, onSaved, onCancel }: ObjectiveFormProps) {
  const api = useAdminApi();
  const mode = editing === undefined ? 'create' : 'edit';
  const [draft, setDraft] = useState<ObjectiveDraft>(() => (editing ? draftOf(editing) : EMPTY_DRAFT));
  const [errors, setErrors] = useState<ObjectiveErrors>({});
  const [failure, setFailure] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const hasChildren =
    editing !== undefined && objectives.some((objective) => objective.parentId === editing.id);
  const parentChoices = objectives.filter(
    (objective) => objective.parentId === null && objective.id !== editing?.id,
  );

  function update<K extends keyof ObjectiveDraft>(key: K, value: ObjectiveDraft[K]): void {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  async function submit(event: SyntheticEvent): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const found = validateDraft(draft, { mode, objectives });
    setErrors(found);
    setFailure(null);
    setAttempt((count) => count + 1);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const objective = objectiveOf(draft);
    const result =
      mode === 'create' ? await api.createObjective(objective) : await api.updateObjective(objective);
    setSaving(false);
    if (result.ok) {
      onSaved(result.data, mode);
      return;
    }
    const { errors: placed, unplaced } = errorsFromServer(result.error.fields ?? []);
    setErrors(placed);
    setAttempt((count) => count + 1);
    if (Object.keys(placed).length === 0 || unplaced.length > 0)
      setFailure([result.error.message, ...unplaced]);
  }

  const summary = FIELD_ORDER.flatMap((key) => {
    const message = errors[key];
    return message === undefined
      ? []
      : [{ id: FIELD_IDS[key] ?? key, label: FIELD_LABELS[key] ?? key, message }];
  });

  return (
    <section
      className="vl-panel vl-objective-form"
      aria-labelledby="objective-form-title"
      onKeyDown={(event) => {
        // Escape leaves the form, unless a field used it (the owner picker closes its list).
        if (event.key === 'Escape' && !event.defaultPrevented && !saving) onCancel();
      }}
    >
      <h2 id="objective-form-title" ref={heading} tabIndex={-1}>
        {mode === 'create' ? 'Create objective' : `Edit ${editing?.id ?? ''}`}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary key={attempt} problems={summary} />
        {failure !== null && (
          <SectionMessage appearance="error" title="The objective was not saved">
            {failure.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </SectionMessage>
        )}
        <div className="vl-form-grid">
          <Field
            id="objective-id"
            label="ID"
            required={mode === 'create'}
            error={errors['id']}
            hint={
              mode === 'create'
                ? 'Short and unique, e.g. OBJ-GROW. Epics link to it by this id, so it cannot change later.'
                : 'The id cannot change: epics link to the objective by it.'
            }
          >
            {(control) => (
              <input
                {...control}
                className="vl-input vl-input--short"
                value={draft.id}
                readOnly={mode === 'edit'}
                maxLength={64}
                spellCheck={false}
                onChange={(event) => {
                  update('id', event.target.value);
                }}
              />
            )}
          </Field>
          <Field id="objective-name" label="Name" required error={errors['name']}>
            {(control) => (
              <input
                {...control}
                className="vl-input"
                value={draft.name}
                maxLength={255}
                onChange={(event) => {
                  update('name', event.target.value);
                }}
              />
            )}
          </Field>
        </div>
        <Field
          id="objective-description"
          label="Description"
          error={errors['description']}
          hint="Why the goal matters and how teams can contribute to it."
        >
          {(control) => (
            <textarea
              {...control}
              className="vl-input vl-textarea"
              rows={3}
              value={draft.description}
              onChange={(event) => {
                update('description', event.target.value);
              }}
            />
          )}
        </Field>
        <div className="vl-form-grid">
          <Field
            id="objective-owner"
            label="Owner"
            error={errors['ownerAccountId']}
            hint="Who is accountable for the goal."
          >
            {(control) => (
              <UserPicker
                control={control}
                label="Owner"
                value={draft.ownerAccountId}
                onChange={(accountId) => {
                  update('ownerAccountId', accountId);
                }}
              />
            )}
          </Field>
          <div className="vl-form-grid vl-form-grid--tight">
            <Field
              id="objective-weight"
              label="Weight"
              required
              error={errors['weight']}
              hint="1 (low) to 10 (high) importance."
            >
              {(control) => (
                <input
                  {...control}
                  className="vl-input vl-input--number"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={10}
                  step={1}
                  value={draft.weight}
                  onChange={(event) => {
                    update('weight', event.target.value);
                  }}
                />
              )}
            </Field>
            <Field
              id="objective-status"
              label="Status"
              error={errors['status']}
              hint="Archived goals leave the strategic KPIs."
            >
              {(control) => (
                <select
                  {...control}
                  className="vl-input vl-select"
                  value={draft.status}
                  onChange={(event) => {
                    update('status', event.target.value === 'archived' ? 'archived' : 'active');
                  }}
                >
                  <option value="active">Active</option>
                  <option value="archived">Archived</option>
                </select>
              )}
            </Field>
          </div>
        </div>
        <fieldset className="vl-fieldset" aria-describedby="objective-target-hint">
          <legend className="vl-label">Target</legend>
          <p className="vl-hint" id="objective-target-hint">
            What &ldquo;achieved&rdquo; means: a measure, the amount to reach and the date to reach it by.
            Leave all three empty for no target.
          </p>
          <div className="vl-form-grid vl-form-grid--three">
            <Field id="objective-target-measure" label="Measure" error={errors['target.measure']}>
              {(control) => (
                <input
                  {...control}
                  className="vl-input"
                  placeholder={`e.g. Recurring revenue (${currency})`}
                  value={draft.targetMeasure}
                  maxLength={255}
                  onChange={(event) => {
                    update('targetMeasure', event.target.value);
                  }}
                />
              )}
            </Field>
            <Field id="objective-target-amount" label="Amount" error={errors['target.amount']}>
              {(control) => (
                <input
                  {...control}
                  className="vl-input"
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="any"
                  value={draft.targetAmount}
                  onChange={(event) => {
                    update('targetAmount', event.target.value);
                  }}
                />
              )}
            </Field>
            <Field id="objective-target-date" label="By date" error={errors['target.date']}>
              {(control) => (
                <input
                  {...control}
                  className="vl-input"
                  type="date"
                  value={draft.targetDate}
                  onChange={(event) => {
                    update('targetDate', event.target.value);
                  }}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <Field
          id="objective-parent"
          label="Parent objective"
          error={errors['parentId']}
          hint={
            hasChildren
              ? `${draft.id} has sub-objectives, so it stays a top-level goal (goals nest one level).`
              : 'Make this a sub-goal of a top-level objective. Goals nest one level.'
          }
        >
          {(control) => (
            <select
              {...control}
              className="vl-input vl-select"
              value={draft.parentId}
              disabled={hasChildren}
              onChange={(event) => {
                update('parentId', event.target.value);
              }}
            >
              <option value="">None: a top-level goal</option>
              {parentChoices.map((objective) => (
                <option key={objective.id} value={objective.id}>
                  {objective.id} · {objective.name}
                  {objective.status === 'archived' ? ' (archived)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="vl-form-actions">
          <Button appearance="primary" type="submit" busy={saving}>
            {mode === 'create' ? 'Create objective' : 'Save changes'}
          </Button>
          <Button appearance="subtle" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
