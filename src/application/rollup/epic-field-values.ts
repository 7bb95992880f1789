import type { AppSettings } from '../../contract/site-config.schema';
import { currencyExponentOf } from '../../contract/currencies';
import { epicKpis } from '../../domain/kpis/value-kpis';
import { epicFromRecord } from '../../domain/model/epic-from-record';
import { minorUnits } from '../../domain/money/minor-units';
import { AppError } from '../app-error';
import { epicRecordOf } from '../epic-value/epic-value-view';
import { currentValueOf, type CurrentValue } from '../epic-value/load-epic';
import { monthOf } from '../ports/clock';
import type { EpicFields, EpicFieldValues } from '../ports/epic-fields';
import type { EpicIssue } from '../ports/jira-site';
import { scoreEpic } from '../planning/ranking-row';

/** Every field empty: an epic whose record cannot be read, or an issue that is no longer an epic. */
export function emptyFieldValues(issueId: string): EpicFieldValues {
  return {
    issueId,
    realisedBenefit: null,
    riskAdjustedBenefit: null,
    expectedRoi: null,
    npv: null,
    costOfDelay: null,
    valueDecision: null,
  };
}

/**
 * An epic's field values, by the engine and as-of month the panel uses (`kpisOfEpic`), so a field
 * never says other than the panel: realised benefit, risk-adjusted benefit and NPV in minor
 * units, expected ROI as a ratio (empty when the forecast cost is 0), an in-flight epic's cost of
 * delay per month in minor units (empty once Done, as on the panel), and the value decision the
 * record holds (`continue`, `delay_3`, ..., `stop`), empty until a scenario is applied. A record the app cannot read empties every field, as the panel then
 * shows no figures either.
 */
export function epicFieldValuesOf({
  issue,
  settings,
  current,
  asOf,
}: {
  issue: EpicIssue;
  settings: AppSettings;
  /** The value being saved; by default the record stored on the issue. */
  current?: CurrentValue;
  asOf: string;
}): EpicFieldValues {
  let value: CurrentValue;
  try {
    value = current ?? currentValueOf(issue, settings.currency);
  } catch (error) {
    if (error instanceof AppError) return emptyFieldValues(issue.id);
    throw error;
  }
  const record = epicRecordOf(issue, value.value);
  const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
  const kpis = epicKpis({
    epic: epicFromRecord({ epic: record, currencyExponent }),
    asOf,
    discountRate: settings.discountRate,
  });
  return {
    issueId: issue.id,
    realisedBenefit: kpis.realisedBenefit,
    riskAdjustedBenefit: kpis.riskAdjustedBenefit,
    expectedRoi: kpis.expectedRoi.value,
    npv: kpis.npv,
    // The panel's and the planning page's figure (`scoreEpic`); a Done epic has none.
    costOfDelay:
      record.status === 'done'
        ? null
        : minorUnits(
            scoreEpic({ epic: record, asOf, discountRate: settings.discountRate, currencyExponent }).minor
              .costOfDelay,
          ),
    valueDecision: value.value.decision?.choice ?? null,
  };
}

/**
 * Brings the epics' Jira fields in line with their figures. Best effort by design: a field write
 * that fails is logged and left for the next refresh or the daily reconcile, which writes every
 * epic's fields again; it never fails the save, import or event that asked for it.
 */
export async function syncEpicFields(
  fields: EpicFields | undefined,
  epics: readonly { issue: EpicIssue; current?: CurrentValue }[],
  settings: AppSettings,
  now: Date,
): Promise<'written' | 'failed' | 'none'> {
  if (fields === undefined || epics.length === 0) return 'none';
  const asOf = monthOf(now);
  try {
    const values = epics.map(({ issue, current }) =>
      epicFieldValuesOf({ issue, settings, asOf, ...(current === undefined ? {} : { current }) }),
    );
    await fields.write(values, currencyExponentOf(settings.currency) ?? 2);
    return 'written';
  } catch (error) {
    console.warn(
      `The Jira fields of ${epics.map((e) => e.issue.key).join(', ')} could not be written; the daily reconcile writes them again.`,
      error,
    );
    return 'failed';
  }
}

/** Empties the fields of issues that stopped being epics. Best effort, as `syncEpicFields`. */
export async function clearEpicFields(
  fields: EpicFields | undefined,
  issueIds: readonly string[],
): Promise<'written' | 'failed' | 'none'> {
  if (fields === undefined || issueIds.length === 0) return 'none';
  try {
    await fields.write(issueIds.map(emptyFieldValues), 2);
    return 'written';
  } catch (error) {
    console.warn(`The Jira fields of issues ${issueIds.join(', ')} could not be emptied.`, error);
    return 'failed';
  }
}
