import { forgePersonalDataReporter } from '../adapters/privacy/forge-personal-data-reporter';
import { forgeKeyValueStore } from '../adapters/storage/forge-key-value-store';
import { reportPersonalData } from '../application/privacy/report-personal-data';

/** Weekly: tell Atlassian which account ids the app holds, and erase those of closed accounts. */
export async function reportPersonalDataWeekly(): Promise<{ statusCode: number }> {
  await reportPersonalData(forgeKeyValueStore, forgePersonalDataReporter);
  return { statusCode: 204 };
}
