import type {
  EpicPlanningFigures,
  EpicSummary,
  EpicValueView,
  ObjectiveOption,
} from '../../contract/panel.contract';
import type { EpicValueDocument } from '../../contract/epic-value.schema';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import { currencyExponentOf } from '../../contract/currencies';
import { epicKpis } from '../../domain/kpis/value-kpis';
import { DEFAULT_BENEFIT_RANGE_PCT, DEFAULT_COST_OVERRUN_PCT } from '../../domain/ranges/estimates';
import { epicFromRecord } from '../../domain/model/epic-from-record';
import { toPlainValueKpis, type PlainValueKpis } from '../../domain/report/plain-report';
import type { EpicRecord, EpicValueRecord } from '../../domain/model/portfolio-record';
import type { EpicIssue } from '../ports/jira-site';
import { scoreEpic } from '../planning/ranking-row';
import type { ValueRoles } from '../authority/value-roles';

export const EMPTY_VALUE: EpicValueDocument = {
  successProbability: 1,
  objectives: [],
  benefits: [],
  costs: { planned: [], actual: [] },
  nps: null,
};

/** Whether Jira's issue counts as an epic under the site's settings. */
export function isEpic(issue: EpicIssue, settings: AppSettings): boolean {
  return settings.epicIssueTypeIds === null
    ? issue.hierarchyLevel === 1
    : settings.epicIssueTypeIds.includes(issue.issueTypeId);
}

export function epicSummaryOf(issue: EpicIssue): EpicSummary {
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    status: issue.status,
    project: issue.projectKey,
    programme: issue.parentKey,
  };
}

/** What an epic's figures are computed from: its record, the site's settings and the day they hold. */
interface EpicFiguresInput {
  epic: EpicRecord;
  settings: AppSettings;
  asOf: string;
}

/** An epic's own KPIs by the same engine as the portfolio, as plain decimals. */
export function kpisOfEpic({ epic, settings, asOf }: EpicFiguresInput): PlainValueKpis {
  const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
  return toPlainValueKpis({
    kpis: epicKpis({
      epic: epicFromRecord({ epic, currencyExponent }),
      asOf,
      discountRate: settings.discountRate,
    }),
    currencyExponent,
  });
}

/**
 * The epic's planning figures, as the Value planning page ranks it (`scoreEpic`); null for a
 * Done epic, which the page leaves out.
 */
export function planningFiguresOf({ epic, settings, asOf }: EpicFiguresInput): EpicPlanningFigures | null {
  if (epic.status === 'done') return null;
  const {
    key: _key,
    summary: _summary,
    project: _project,
    programme: _programme,
    status: _status,
    ...figures
  } = scoreEpic({
    epic,
    asOf,
    discountRate: settings.discountRate,
    currencyExponent: currencyExponentOf(settings.currency) ?? 2,
  }).row;
  return figures;
}

/** The engine's view of a Jira epic with a given value record. */
export function epicRecordOf(issue: EpicIssue, value: EpicValueRecord): EpicRecord {
  return {
    key: issue.key,
    summary: issue.summary,
    project: issue.projectKey,
    programme: issue.parentKey,
    status: issue.status,
    value,
  };
}

/** The objectives an epic may pick from: active ones, and archived ones it still links to. */
export function objectiveOptions(
  objectives: readonly StoredObjective[],
  value: EpicValueDocument,
): ObjectiveOption[] {
  const linked = new Set(value.objectives.map((link) => link.id));
  return objectives
    .filter((objective) => objective.status === 'active' || linked.has(objective.id))
    .map(({ id, name, status, weight }) => ({ id, name, status, weight }));
}

export function epicValueView(input: {
  issue: EpicIssue;
  stored: { revision: number; updatedAt: string | null; updatedBy: string | null; value: EpicValueDocument };
  settings: AppSettings;
  objectives: readonly StoredObjective[];
  asOf: string;
  canEdit: boolean;
  roles: ValueRoles;
}): EpicValueView {
  const { issue, stored, settings, asOf, canEdit } = input;
  return {
    epic: epicSummaryOf(issue),
    revision: stored.revision,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    value: stored.value,
    asOf,
    kpis: kpisOfEpic({ epic: epicRecordOf(issue, stored.value), settings, asOf }),
    planning: planningFiguresOf({ epic: epicRecordOf(issue, stored.value), settings, asOf }),
    currency: settings.currency,
    discountRate: settings.discountRate,
    rangeDefaults: { benefit: DEFAULT_BENEFIT_RANGE_PCT, costOverrun: DEFAULT_COST_OVERRUN_PCT },
    objectives: objectiveOptions(input.objectives, stored.value),
    canEdit,
    canVerify: input.roles.canVerify,
    canApproveBaseline: input.roles.canApproveBaseline,
    readOnlyReason: canEdit
      ? null
      : `You can view this epic's value but not change it: that needs the Edit issues permission in project ${issue.projectKey}.`,
  };
}
