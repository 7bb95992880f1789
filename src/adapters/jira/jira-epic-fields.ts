import { route } from '@forge/api';
import { z } from 'zod';
import type { EpicFields, EpicFieldValues } from '../../application/ports/epic-fields';
import { toDecimalAmount, type CurrencyExponent, type MinorUnits } from '../../domain/money/minor-units';
import type { JiraClient } from './jira-client';

/** The `jira:customField` module keys of manifest.yml, one per figure. */
export const EPIC_FIELD_MODULES = {
  realisedBenefit: 'value-realised-benefit',
  riskAdjustedBenefit: 'value-risk-adjusted-benefit',
  expectedRoi: 'value-expected-roi',
  npv: 'value-npv',
  costOfDelay: 'value-cost-of-delay',
  valueDecision: 'value-decision',
} as const satisfies Record<Exclude<keyof EpicFieldValues, 'issueId'>, string>;

type FigureName = keyof typeof EPIC_FIELD_MODULES;

/** How many fields each epic has: one issue-value pair each per epic in a request. */
const FIELDS_PER_EPIC = Object.keys(EPIC_FIELD_MODULES).length;

/**
 * Issue-value pairs per request. Atlassian documents no maximum for "Update custom fields" (the
 * OpenAPI spec sets no `maxItems`); 600 is a reconcile page of 100 epics times 6 fields, and
 * equal values share one update, so a page is one call.
 */
export const MAX_PAIRS_PER_REQUEST = 600;

const fieldListSchema = z.array(
  z
    .object({
      id: z.string(),
      key: z.string().optional(),
      schema: z.object({ custom: z.string().optional() }).loose().optional(),
    })
    .loose(),
);

/**
 * Jira's app field-value API for the app's read-only epic fields
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-custom-field-values--apps-/):
 * `POST /rest/api/3/app/field/value`, batched, with a client acting as the app, since "only the
 * app that owns the custom field ... can update its values". The app finds its fields' ids
 * (`customfield_NNNNN`, given by Jira on deploy) in `GET /rest/api/3/field`: each has the key
 * `{appId}__{environment}__{moduleKey}` and `schema.custom` ending in `/static/{moduleKey}`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-custom-field/).
 * Money goes in as a decimal in major units: Jira number fields hold doubles.
 */
export function jiraEpicFields(jira: JiraClient): EpicFields {
  let fieldIds: Promise<Record<FigureName, string>> | null = null;
  const idsOnce = (): Promise<Record<FigureName, string>> => {
    fieldIds ??= findFieldIds(jira).catch((error: unknown) => {
      fieldIds = null;
      throw error;
    });
    return fieldIds;
  };
  return {
    async write(values, currencyExponent) {
      if (values.length === 0) return;
      const ids = await idsOnce();
      for (const body of requestsOf(values, ids, currencyExponent)) {
        const response = await jira.request(route`/rest/api/3/app/field/value`, { method: 'POST', body });
        if (response.status !== 204 && response.status !== 200) {
          throw new Error(
            `Jira refused the epic fields (HTTP ${String(response.status)}): ${JSON.stringify(response.body)}`,
          );
        }
      }
    },
  };
}

async function findFieldIds(jira: JiraClient): Promise<Record<FigureName, string>> {
  const response = await jira.request(route`/rest/api/3/field`);
  if (response.status !== 200)
    throw new Error(`Jira did not list its fields (HTTP ${String(response.status)}).`);
  const fields = fieldListSchema.parse(response.body);
  const ids = {} as Record<FigureName, string>;
  for (const [figure, moduleKey] of Object.entries(EPIC_FIELD_MODULES) as [FigureName, string][]) {
    const field = fields.find(
      (f) =>
        f.key?.endsWith(`__${moduleKey}`) === true ||
        f.schema?.custom?.endsWith(`/static/${moduleKey}`) === true,
    );
    if (!field)
      throw new Error(`Jira lists no field of the module ${moduleKey}: is the app deployed with it?`);
    ids[figure] = field.id;
  }
  return ids;
}

interface Update {
  customField: string;
  issueIds: number[];
  value: number | string | null;
}

/** One update per field and value, with every issue holding it; cut into requests of at most 600 pairs. */
export function requestsOf(
  values: readonly EpicFieldValues[],
  ids: Record<FigureName, string>,
  currencyExponent: CurrencyExponent,
): { updates: Update[] }[] {
  const money = (amount: MinorUnits | null) =>
    amount === null ? null : toDecimalAmount({ amount, currencyExponent });
  const groups = new Map<string, Update>();
  let pairs: Update[] = [];
  const requests: { updates: Update[] }[] = [];
  let count = 0;
  const flush = () => {
    if (pairs.length > 0) requests.push({ updates: pairs });
    pairs = [];
    groups.clear();
    count = 0;
  };
  for (const epic of values) {
    if (count + FIELDS_PER_EPIC > MAX_PAIRS_PER_REQUEST) flush();
    const figures: [FigureName, number | string | null][] = [
      ['realisedBenefit', money(epic.realisedBenefit)],
      ['riskAdjustedBenefit', money(epic.riskAdjustedBenefit)],
      ['expectedRoi', epic.expectedRoi],
      ['npv', money(epic.npv)],
      ['costOfDelay', money(epic.costOfDelay)],
      ['valueDecision', epic.valueDecision],
    ];
    for (const [figure, value] of figures) {
      const groupKey = `${figure}:${JSON.stringify(value)}`;
      let update = groups.get(groupKey);
      if (!update) {
        update = { customField: ids[figure], issueIds: [], value };
        groups.set(groupKey, update);
        pairs.push(update);
      }
      update.issueIds.push(Number(epic.issueId));
      count += 1;
    }
  }
  flush();
  return requests;
}
