/**
 * Applies a seed's value data (objectives, settings, each epic's value record) THROUGH THE APP:
 * the admin resolver's `admin/import-apply`, invoked as the Jira admin, exactly as the admin page
 * would. Until that resolver exists the seed says so in one line and carries on.
 */
import type { PortfolioDocument } from '../../src/contract';
import { InvokeError } from '../site-api';

export const IMPORT_MODULE_KEY = 'value-admin';
export const IMPORT_FUNCTION_KEY = 'admin/import-apply';

export type ImportOutcome = 'imported' | 'unavailable' | 'failed';

export type ResolverCall = (request: {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  accountId: string;
}) => Promise<unknown>;

export async function importValueData(
  invoke: ResolverCall,
  document: PortfolioDocument,
  adminAccountId: string,
  log: (line: string) => void,
): Promise<ImportOutcome> {
  try {
    const answer = await invoke({
      moduleKey: IMPORT_MODULE_KEY,
      functionKey: IMPORT_FUNCTION_KEY,
      payload: { document },
      accountId: adminAccountId,
    });
    if (isFailureEnvelope(answer)) {
      log(
        `value data not imported: ${IMPORT_FUNCTION_KEY} answered ${answer.error.code}: ${answer.error.message}`,
      );
      return 'failed';
    }
    log(
      `value data imported through ${IMPORT_MODULE_KEY} ${IMPORT_FUNCTION_KEY} (${String(document.epics.length)} epics)`,
    );
    return 'imported';
  } catch (error) {
    if (error instanceof InvokeError && error.message.includes('Resolver has no definition')) {
      log('value data not imported: the admin import is not available yet');
      return 'unavailable';
    }
    if (error instanceof InvokeError && error.errorType === 'MODULE_NOT_FOUND') {
      log(`value data not imported: manifest.yml has no ${IMPORT_MODULE_KEY} module`);
      return 'unavailable';
    }
    log(
      `value data not imported: ${IMPORT_FUNCTION_KEY} threw ${error instanceof Error ? error.message : String(error)}`,
    );
    return 'failed';
  }
}

function isFailureEnvelope(
  answer: unknown,
): answer is { ok: false; error: { code: string; message: string } } {
  if (typeof answer !== 'object' || answer === null) return false;
  const envelope = answer as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return envelope.ok === false && typeof envelope.error?.code === 'string';
}
