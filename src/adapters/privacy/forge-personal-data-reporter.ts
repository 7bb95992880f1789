import { privacy } from '@forge/api';
import type { PersonalDataReporter } from '../../application/privacy/report-personal-data';

/** `PersonalDataReporter` on Forge's `privacy.reportPersonalData` (batches of 90 inside). */
export const forgePersonalDataReporter: PersonalDataReporter = {
  async report(accounts) {
    const updates = await privacy.reportPersonalData(accounts);
    return updates.map((update) => ({ accountId: update.accountId, status: update.status }));
  },
};
