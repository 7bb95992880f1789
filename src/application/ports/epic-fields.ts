import type { CurrencyExponent, MinorUnits } from '../../domain/money/minor-units';

/**
 * What the app keeps in its own Jira custom fields on an epic (`jira:customField`, read-only), so
 * that the figures show in Jira's issue list, boards and Plans and can be searched in JQL. Money
 * is in minor units here; the adapter converts it to the decimal a Jira number field holds.
 * `null` empties a field: a ratio that is not computable, or a record the app cannot read.
 */
export interface EpicFieldValues {
  issueId: string;
  realisedBenefit: MinorUnits | null;
  riskAdjustedBenefit: MinorUnits | null;
  /** (riskAdjustedBenefit − forecastCost) / forecastCost, a plain ratio. */
  expectedRoi: number | null;
  npv: MinorUnits | null;
  /**
   * An in-flight epic's cost of delay per month, as the panel and the planning page show it
   * (`costOfDelay`, docs/kpis.md "Value planning"); empty once the epic is Done.
   */
  costOfDelay: MinorUnits | null;
  /** The record's scenario decision (`continue`, `delay_3`, `delay_6`, `delay_12`, `stop`); empty until one is applied. */
  valueDecision: string | null;
}

/** Writes the fields of many epics at once, as the app (only the app that owns them may). */
export interface EpicFields {
  write(values: readonly EpicFieldValues[], currencyExponent: CurrencyExponent): Promise<void>;
}
