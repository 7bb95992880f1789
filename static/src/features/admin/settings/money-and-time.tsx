import { currencyLabel, OFFERED_CURRENCY_CODES } from '../../../../../src/contract/currencies';
import { Field } from '../../../ui/field';
import { SectionMessage } from '../../../ui/section-message';
import type { SettingsDraft, SettingsErrors } from './settings-form';

const MONTH_NAMES = Array.from({ length: 12 }, (_, index) =>
  new Date(Date.UTC(2026, index, 1)).toLocaleDateString(undefined, { month: 'long', timeZone: 'UTC' }),
);

/** Currency (by name, without fund codes), discount rate and fiscal year. */
export function MoneyAndTime({
  draft,
  savedCurrency,
  errors,
  update,
}: {
  draft: SettingsDraft;
  savedCurrency: string;
  errors: SettingsErrors;
  update: (change: Partial<SettingsDraft>) => void;
}) {
  // A site set up with a fund code before they were left out keeps it offered.
  const currencies = OFFERED_CURRENCY_CODES.includes(savedCurrency)
    ? OFFERED_CURRENCY_CODES
    : [...OFFERED_CURRENCY_CODES, savedCurrency].sort();
  return (
    <fieldset className="vl-fieldset vl-settings-group">
      <legend className="vl-group-title">Money and time</legend>
      <div className="vl-form-grid vl-form-grid--three">
        <Field
          id="settings-currency"
          label="Currency"
          error={errors['currency']}
          hint="Every amount is in this currency."
        >
          {(control) => (
            <select
              {...control}
              className="vl-input vl-select"
              value={draft.currency}
              onChange={(event) => {
                update({ currency: event.target.value });
              }}
            >
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {currencyLabel(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="settings-discount"
          label="Discount rate (% a year)"
          error={errors['discountRate']}
          hint="For NPV, e.g. 8 for 8%. Compounded monthly."
        >
          {(control) => (
            <span className="vl-input-with-suffix">
              <input
                {...control}
                className="vl-input vl-input--number"
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                value={draft.discountPercent}
                onChange={(event) => {
                  update({ discountPercent: event.target.value });
                }}
              />
              <span aria-hidden="true">%</span>
            </span>
          )}
        </Field>
        <Field
          id="settings-fiscal"
          label="Fiscal year starts in"
          hint="Shown in reports; KPIs are by calendar month."
        >
          {(control) => (
            <select
              {...control}
              className="vl-input vl-select"
              value={draft.fiscalYearStartMonth}
              onChange={(event) => {
                update({ fiscalYearStartMonth: Number(event.target.value) });
              }}
            >
              {MONTH_NAMES.map((name, index) => (
                <option key={name} value={index + 1}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {draft.currency !== savedCurrency && (
        <SectionMessage appearance="warning" title={`Amounts are not converted to ${draft.currency}`}>
          <p>
            Every amount already recorded in {savedCurrency} will be read as {draft.currency}. Change the
            currency only to correct a mistake, or before teams record any value.
          </p>
        </SectionMessage>
      )}
    </fieldset>
  );
}
