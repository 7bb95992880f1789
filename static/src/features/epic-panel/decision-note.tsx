import type { EpicValueView } from '../../../../src/contract/panel.contract';
import { VALUE_DECISION_NAMES } from '../../../../src/contract/value-vocabulary';
import { Lozenge, type LozengeAppearance } from '../../ui/lozenge';
import { formatDay } from './realised-detail';
import { useDisplayNames } from './use-display-names';

type Decision = NonNullable<EpicValueView['value']['decision']>;

const APPEARANCE: Record<Decision['choice'], LozengeAppearance> = {
  continue: 'success',
  delay_3: 'moved',
  delay_6: 'moved',
  delay_12: 'moved',
  stop: 'removed',
};

/**
 * The decision last applied to the epic from a value planning scenario (issue #16), read-only:
 * the choice in words, the scenario, who applied it and when. The app records it and never acts
 * on it, so the note says the issue itself is left to the team.
 */
export function DecisionNote({ decision }: { decision: Decision }) {
  const { nameOf } = useDisplayNames([decision.by]);
  return (
    <p className="decision-note" role="note" aria-label="Scenario decision">
      <span className="decision-note-label">Scenario decision</span>{' '}
      <Lozenge appearance={APPEARANCE[decision.choice]}>{VALUE_DECISION_NAMES[decision.choice]}</Lozenge> from
      scenario “{decision.scenario}”, applied by {nameOf(decision.by)} on {formatDay(decision.at)}. The issue
      is not changed by it.
    </p>
  );
}
