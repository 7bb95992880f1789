import { measureSummary, type MeasureParts } from '../../../../src/contract/measure-summary';
import type { ValueChangeView } from '../../../../src/contract/panel.contract';
import { VALUE_DECISION_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatMoney, formatRatio } from '../../shared/format';
import { BENEFIT_KIND_LABELS } from './labels';
import { npsOf } from './validate';

interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

function npsText(counts: NpsCounts | null): string {
  if (counts === null) return 'no survey';
  const score = npsOf(counts);
  const responses = counts.promoters + counts.passives + counts.detractors;
  return score === null
    ? 'no responses'
    : `${formatScore(score)} (${String(counts.promoters)} promoters, ${String(counts.passives)} passives, ${String(counts.detractors)} detractors; ${String(responses)} responses)`;
}

export function formatScore(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${String(Math.abs(rounded))}`;
}

/** The account ids a change names (benefit owners), so that the history can ask Jira their names. */
export function peopleNamedBy(change: ValueChangeView): string[] {
  if (change.kind !== 'benefit_owner') return [];
  return [change['before'], change['after']].filter((id): id is string => typeof id === 'string');
}

/**
 * One sentence for one change of an epic's history, in the site currency. Change kinds come from
 * the server (src/domain/history/value-changes.ts); an unknown kind still gets a sentence.
 * `personName` names an account id (falls back to the id).
 */
export function describeChange(
  change: ValueChangeView,
  {
    currency,
    objectiveName,
    personName = (accountId) => accountId,
  }: { currency: string; objectiveName: (id: string) => string; personName?: (accountId: string) => string },
): string {
  const text = (key: string) => {
    const value = change[key];
    return typeof value === 'string' ? value : '';
  };
  const amount = (key: string) => {
    const value = change[key];
    return typeof value === 'number' ? formatMoney(value, currency) : '—';
  };
  const ratio = (key: string) => {
    const value = change[key];
    return typeof value === 'number' ? formatRatio(value) : '—';
  };
  const fromTo = `from ${amount('before')} to ${amount('after')}`;
  const benefit = `“${text('benefit')}”`;
  const objective = objectiveName(text('objectiveId'));
  switch (change.kind) {
    case 'benefit_added':
      return text('benefitKind') === 'dis_benefit'
        ? `Added the dis-benefit ${benefit}`
        : `Added the ${(BENEFIT_KIND_LABELS[text('benefitKind')] ?? text('benefitKind')).toLowerCase()} benefit ${benefit}`;
    case 'benefit_removed':
      return `Removed the benefit ${benefit}`;
    case 'benefit_renamed':
      return `Renamed the benefit “${text('before')}” to ${benefit}`;
    case 'benefit_kind':
      return `Changed the kind of ${benefit} from ${BENEFIT_KIND_LABELS[text('before')] ?? text('before')} to ${BENEFIT_KIND_LABELS[text('after')] ?? text('after')}`;
    case 'benefit_planned':
      return change['before'] === 0
        ? `Planned ${amount('after')} of benefit for ${benefit}`
        : `Changed the planned benefit of ${benefit} ${fromTo}`;
    case 'benefit_realised':
      return change['before'] === 0
        ? `Recorded ${amount('after')} realised for ${benefit}`
        : `Changed the realised benefit of ${benefit} ${fromTo}`;
    case 'evidence':
      return `Changed the evidence of realised amounts of ${benefit}`;
    case 'benefit_owner': {
      const [before, after] = [change['before'], change['after']];
      if (typeof before !== 'string')
        return `Made ${typeof after === 'string' ? personName(after) : 'nobody'} the owner of ${benefit}`;
      if (typeof after !== 'string') return `Removed ${personName(before)} as the owner of ${benefit}`;
      return `Changed the owner of ${benefit} from ${personName(before)} to ${personName(after)}`;
    }
    case 'benefit_measure': {
      const measure = (key: string) => change[key] as MeasureParts | null;
      const [before, after] = [measure('before'), measure('after')];
      if (after === null) return `Removed the measure of ${benefit}`;
      if (before === null) return `Set the measure of ${benefit}: ${measureSummary(after)}`;
      return `Changed the measure of ${benefit} from ${measureSummary(before)} to ${measureSummary(after)}`;
    }
    case 'baseline_approved': {
      const reason = text('reason');
      const version = typeof change['version'] === 'number' ? String(change['version']) : '?';
      return reason === ''
        ? `Approved the plan as baseline version ${version}`
        : `Re-baselined the plan as version ${version}: ${reason}`;
    }
    case 'ranges':
      return 'Changed the risk ranges (three-point estimates or cost overrun)';
    case 'decision_applied': {
      const choice = text('choice');
      const words = (VALUE_DECISION_NAMES as Readonly<Record<string, string>>)[choice] ?? choice;
      return `Applied scenario “${text('scenario')}”: ${words}`;
    }
    case 'cost_planned':
      return change['before'] === 0
        ? `Set the cost budget to ${amount('after')}`
        : `Changed the cost budget ${fromTo}`;
    case 'cost_actual':
      return change['before'] === 0
        ? `Recorded ${amount('after')} of actual cost`
        : `Changed the actual cost ${fromTo}`;
    case 'success_probability':
      return `Changed the success probability from ${ratio('before')} to ${ratio('after')}`;
    case 'objective_linked':
      return `Linked the objective ${objective} with a share of ${ratio('share')}`;
    case 'objective_unlinked':
      return `Unlinked the objective ${objective}`;
    case 'objective_share':
      return `Changed the share of objective ${objective} from ${ratio('before')} to ${ratio('after')}`;
    case 'nps':
      return `Changed the NPS survey from ${npsText(change['before'] as NpsCounts | null)} to ${npsText(change['after'] as NpsCounts | null)}`;
    default:
      return `Changed the value record (${change.kind.replace(/_/g, ' ')})`;
  }
}
