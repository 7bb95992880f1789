import { CURRENCY_CODES } from '../../../../../src/contract/currencies';
import type { FieldError } from '../../../../../src/contract/envelope';
import type { AppSettings } from '../../../../../src/contract/site-config.schema';
import type { Problem } from '../../../ui/error-summary';
import { numberFrom } from '../objectives/objective-draft';
import {
  KPI_INFO,
  KPI_ORDER,
  targetDraftOf,
  targetOf,
  tidy,
  type KpiTarget,
  type TargetableKpi,
  type TargetDraft,
} from './kpi-targets';

/*
 * The settings form as a pure model: the draft as typed, the settings it stands for, and where
 * each problem (found here or by the server) shows. settings-section.tsx only renders it.
 */

export interface SettingsDraft {
  currency: string;
  discountPercent: string;
  fiscalYearStartMonth: number;
  epicTypes: 'level-1' | 'chosen';
  epicIssueTypeIds: string[];
  targets: Record<TargetableKpi, TargetDraft>;
  verifierGroupId: string | null;
  approverGroupId: string | null;
  reviewOffsetsMonths: number[];
}

/** Problems by field: `currency`, `discountRate`, `epicIssueTypeIds`, `kpiTargets.<kpi>`. */
export type SettingsErrors = Partial<Record<string, string>>;

export function draftOf(settings: AppSettings): SettingsDraft {
  return {
    currency: settings.currency,
    discountPercent: String(tidy(settings.discountRate * 100)),
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    epicTypes: settings.epicIssueTypeIds === null ? 'level-1' : 'chosen',
    epicIssueTypeIds: settings.epicIssueTypeIds ?? [],
    targets: Object.fromEntries(
      KPI_ORDER.map((kpi) => [kpi, targetDraftOf(kpi, settings.kpiTargets[kpi])]),
    ) as Record<TargetableKpi, TargetDraft>,
    verifierGroupId: settings.verifierGroupId,
    approverGroupId: settings.approverGroupId,
    reviewOffsetsMonths: [...settings.reviewOffsetsMonths],
  };
}

/** Whether the draft differs from the saved settings. */
export const isDirty = (draft: SettingsDraft, saved: AppSettings): boolean =>
  JSON.stringify(draft) !== JSON.stringify(draftOf(saved));

/** The settings the draft stands for, and every problem that stops saving it. */
export function settingsOf(draft: SettingsDraft): { settings: AppSettings; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  if (!CURRENCY_CODES.includes(draft.currency)) errors['currency'] = 'Choose an ISO 4217 currency.';
  const percent = numberFrom(draft.discountPercent);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100)
    errors['discountRate'] = 'Enter a percentage from 0 to 100, such as 8 for 8%.';
  if (draft.epicTypes === 'chosen' && draft.epicIssueTypeIds.length === 0)
    errors['epicIssueTypeIds'] = 'Choose at least one issue type, or count every level-1 type.';
  const kpiTargets: Partial<Record<TargetableKpi, KpiTarget>> = {};
  for (const kpi of KPI_ORDER) {
    const outcome = targetOf(kpi, draft.targets[kpi]);
    if ('error' in outcome) errors[`kpiTargets.${kpi}`] = outcome.error;
    else if (outcome.target !== null) kpiTargets[kpi] = outcome.target;
  }
  return {
    errors,
    settings: {
      currency: draft.currency,
      discountRate: tidy(percent / 100),
      fiscalYearStartMonth: draft.fiscalYearStartMonth,
      epicIssueTypeIds: draft.epicTypes === 'level-1' ? null : draft.epicIssueTypeIds,
      kpiTargets,
      verifierGroupId: draft.verifierGroupId,
      approverGroupId: draft.approverGroupId,
      reviewOffsetsMonths: draft.reviewOffsetsMonths,
    },
  };
}

const PLACED = [
  'currency',
  'discountRate',
  'fiscalYearStartMonth',
  'epicIssueTypeIds',
  'verifierGroupId',
  'approverGroupId',
];

/**
 * The server's field errors: those of a field on the form go next to it (`epicIssueTypeIds[1]`
 * names one chosen type, shown with the epic types); the others are listed in the message.
 */
export function placeServerErrors(fields: readonly FieldError[]): {
  placed: SettingsErrors;
  details: string[];
} {
  const placed: SettingsErrors = {};
  const details: string[] = [];
  for (const field of fields) {
    const key = field.path.replace(/^settings\./, '').replace(/\[\d+\]$/, '');
    if (PLACED.includes(key) || key.startsWith('kpiTargets.'))
      placed[key.split('.').slice(0, 2).join('.')] = field.message;
    else details.push(`${field.path}: ${field.message}`);
  }
  return { placed, details };
}

const LABELS = {
  currency: 'Currency',
  discountRate: 'Discount rate',
  epicIssueTypeIds: 'Epic issue types',
  verifierGroupId: 'Verifiers',
  approverGroupId: 'Approvers',
};
const FIELD_IDS = {
  currency: 'settings-currency',
  discountRate: 'settings-discount',
  epicIssueTypeIds: 'epic-types-level-1',
  verifierGroupId: 'verifier-group-query',
  approverGroupId: 'approver-group-query',
};

/** The error summary's lines, in the form's order, each linking to its field. */
export function problemsOf(errors: SettingsErrors): Problem[] {
  return [
    ...(
      ['currency', 'discountRate', 'epicIssueTypeIds', 'verifierGroupId', 'approverGroupId'] as const
    ).flatMap((key) => {
      const message = errors[key];
      return message === undefined ? [] : [{ id: FIELD_IDS[key], label: LABELS[key], message }];
    }),
    ...KPI_ORDER.flatMap((kpi) => {
      const message = errors[`kpiTargets.${kpi}`];
      return message === undefined
        ? []
        : [{ id: `target-${kpi}-green`, label: KPI_INFO[kpi].label, message }];
    }),
  ];
}
