import type { AppSettings } from '../../contract/site-config.schema';
import { currencyExponentOf } from '../../contract/currencies';
import { portfolioTotals } from '../../domain/report/portfolio-totals';
import { emptyTotals, type ValueTotals } from '../../domain/totals/value-totals';
import { AppError } from '../app-error';
import { epicRecordOf } from '../epic-value/epic-value-view';
import { currentValueOf, type CurrentValue } from '../epic-value/load-epic';
import type { EpicIssue } from '../ports/jira-site';

/**
 * One epic's share of its project's aggregate (`rollup:epic:{project}:{issueId}`). Small (~1 KB),
 * so a project's epics are kept as separate keys and merged into the project aggregate.
 */
export interface EpicContribution {
  /** 3: totals carry dis-benefits and approved baselines (issue #15); 1 and 2 are rebuilt. */
  schema: 3;
  issueId: string;
  key: string;
  project: string;
  /** The parent issue's key, or null: the epic's programme. */
  programme: string | null;
  status: EpicIssue['status'];
  /** The value record's revision (0: no record yet, the epic counts with an empty value). */
  revision: number;
  /** The currency the totals are in minor units of. */
  currency: string;
  /** Set when the stored record cannot be read: the epic is then left out, as the live path does. */
  unreadable: string | null;
  totals: ValueTotals;
}

/** The contribution of an epic as Jira has it now, or of the value a save is writing. */
export function contributionOf({
  issue,
  settings,
  current,
}: {
  issue: EpicIssue;
  settings: AppSettings;
  /** The value being saved; by default the record stored on the issue. */
  current?: CurrentValue;
}): EpicContribution {
  const base = {
    schema: 3 as const,
    issueId: issue.id,
    key: issue.key,
    project: issue.projectKey,
    programme: issue.parentKey,
    status: issue.status,
    currency: settings.currency,
  };
  let value: CurrentValue;
  try {
    value = current ?? currentValueOf(issue, settings.currency);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const revision = issue.stored.state === 'stored' ? issue.stored.record.revision : 0;
    return { ...base, revision, unreadable: error.message, totals: { ...emptyTotals(), epicCount: 0 } };
  }
  const totals = portfolioTotals({
    epics: [epicRecordOf(issue, value.value)],
    currencyExponent: currencyExponentOf(settings.currency) ?? 2,
  }).portfolio;
  return { ...base, revision: value.revision, unreadable: null, totals };
}

/** A stored contribution, if it has the shape this version writes (anything else is rebuilt). */
export function readContribution(raw: unknown): EpicContribution | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const candidate = raw as Partial<EpicContribution>;
  return candidate.schema === 3 &&
    typeof candidate.issueId === 'string' &&
    typeof candidate.project === 'string' &&
    typeof candidate.revision === 'number' &&
    typeof candidate.totals === 'object'
    ? (candidate as EpicContribution)
    : null;
}

/** Whether two contributions say the same; an unchanged one is not written again. */
export function sameContribution(a: EpicContribution | null, b: EpicContribution): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
