import type { ObjectiveOption } from '../../../../src/contract/panel.contract';
import { fieldId, type ObjectiveLinkDraft } from './draft';
import { FieldError, TextField, useForm } from './form';
import { formatPercentInput, parseDecimal } from './numbers';
import { focusSoon } from './focus';

/** A share typed as a percentage, in millionths of the whole; 0 when it cannot be read. */
function shareMicros(text: string): number {
  const parsed = parseDecimal(text.replace(/%\s*$/, ''), 4);
  return parsed.ok && parsed.units > 0 ? parsed.units : 0;
}

export function ObjectivesSection({ options }: { options: readonly ObjectiveOption[] }) {
  const form = useForm();
  const links = form.draft.objectives;
  const known = new Set(options.map((option) => option.id));
  // Links to objectives the site no longer has still show, so they can be removed.
  const shown: ObjectiveOption[] = [
    ...options,
    ...links
      .filter((link) => !known.has(link.id))
      .map((link) => ({
        id: link.id,
        name: `Unknown objective ${link.id}`,
        status: 'archived' as const,
        weight: 0,
      })),
  ];
  const totalMicros = links.reduce((sum, link) => sum + shareMicros(link.share), 0);
  const sumError = form.errors['value.objectives'];
  const sumId = fieldId('value.objectives');

  const toggle = (option: ObjectiveOption, link: boolean) => {
    if (link) {
      const rest = 1_000_000 - totalMicros;
      const share = rest > 0 ? formatPercentInput(rest / 1_000_000) : '';
      form.update('value.objectives', (old) => [...(old as ObjectiveLinkDraft[]), { id: option.id, share }]);
      form.announce(
        share === ''
          ? `Linked ${option.name}. The other links already take 100%; enter its share.`
          : `Linked ${option.name} with the remaining ${share}%.`,
      );
      focusSoon(fieldId(`value.objectives[${String(links.length)}].share`));
    } else {
      form.update('value.objectives', (old) =>
        (old as ObjectiveLinkDraft[]).filter((item) => item.id !== option.id),
      );
      form.announce(`Unlinked ${option.name}.`);
    }
  };

  return (
    <section className="section" aria-labelledby="objectives-heading">
      <h2 id="objectives-heading" className="section-title">
        Objectives
      </h2>
      <p className="section-hint" id="objectives-hint">
        Link the strategic objectives this epic advances, and the share of its value that counts toward each.
      </p>
      {shown.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No objectives to link yet.</strong> A Jira admin adds strategic objectives under Jira
            settings → Apps → Value Layer.
          </p>
        </div>
      ) : (
        <ul className="objective-list" aria-describedby="objectives-hint">
          {shown.map((option) => {
            const index = links.findIndex((link) => link.id === option.id);
            const linked = index >= 0;
            const checkboxId = `objective-${option.id}`;
            // An archived objective can stay linked, but cannot be linked anew.
            const canLink = option.status === 'active' || linked;
            return (
              <li key={option.id} className={`objective${linked ? ' is-linked' : ''}`}>
                <div className="checkbox-field">
                  <input
                    type="checkbox"
                    id={checkboxId}
                    checked={linked}
                    disabled={form.readOnly || !canLink}
                    onChange={(event) => {
                      toggle(option, event.target.checked);
                    }}
                  />
                  <label htmlFor={checkboxId}>
                    {option.name}
                    {option.status === 'archived' ? (
                      <span className="vl-lozenge spaced-start">Archived</span>
                    ) : null}
                  </label>
                </div>
                {linked ? (
                  <TextField
                    path={`value.objectives[${String(index)}].share`}
                    label={`Share of ${option.name}`}
                    labelHidden
                    kind="percent"
                    suffix="%"
                    className="objective-share"
                    describedBy={sumId}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {links.length > 0 ? (
        <p className={`share-total${totalMicros > 1_000_000 ? ' is-over' : ''}`}>
          Shares linked: <strong>{formatPercentInput(totalMicros / 1_000_000)}%</strong> of 100%
        </p>
      ) : null}
      <FieldError id={sumId} message={sumError} />
    </section>
  );
}
