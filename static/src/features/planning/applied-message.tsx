import type { AppliedScenarioView } from '../../../../src/contract/planning.contract';
import { VALUE_DECISION_CHOICES, VALUE_DECISION_NAMES } from '../../../../src/contract/value-vocabulary';
import { SectionMessage } from '../../ui/section-message';

export const epicsText = (count: number) => (count === 1 ? '1 epic' : `${count.toLocaleString('en')} epics`);

/** What an application recorded: on how many epics, which decisions, and that no issue moved. */
export function AppliedMessage({ applied }: { applied: AppliedScenarioView }) {
  const recorded = applied.epics.length;
  return (
    <SectionMessage appearance="success" title={`Applied “${applied.scenario}”`}>
      <p>
        {recorded === 0
          ? 'Nothing changed: the scenario named no epic.'
          : `Recorded the decision on ${epicsText(recorded)}: ${VALUE_DECISION_CHOICES.filter(
              (choice) => applied.counts[choice],
            )
              .map((choice) => `${VALUE_DECISION_NAMES[choice]} ${String(applied.counts[choice])}`)
              .join(', ')}. No issue was transitioned.`}
      </p>
    </SectionMessage>
  );
}
