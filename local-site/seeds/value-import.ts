/**
 * Applies a seed's value data (objectives, settings, each epic's value record) THROUGH THE APP,
 * by the one import path the admin page uses: the file uploaded in parts (`admin/import-stage`),
 * previewed by its id (`admin/import-preview`), then applied in bounded steps
 * (`admin/import-apply`) until done, all invoked as the Jira admin. Until the app has that
 * import the seed says so in one line and carries on.
 */
import { InvokeError, type SeedAppOutcome, type SeedResolverCall } from 'forge-local';
import type { PortfolioDocument } from '../../src/contract';
import { ADMIN } from '../../src/contract/resolver-keys';
import { IMPORT_CHUNK_MAX_BYTES } from '../../src/contract/import-limits';

export const IMPORT_MODULE_KEY = 'value-admin';

/** Parts of this many characters stay under the part limit whatever they hold (JSON escapes). */
const PART_CHARACTERS = Math.floor(IMPORT_CHUNK_MAX_BYTES / 8);
/** More steps than any seed's import takes (5,000 epics at 100 a step, and as many to roll back). */
const MAX_STEPS = 200;

export type ImportOutcome = SeedAppOutcome;

class ImportFailed extends Error {}

export async function importValueData(
  invoke: SeedResolverCall,
  document: PortfolioDocument,
  adminAccountId: string,
  log: (line: string) => void,
): Promise<ImportOutcome> {
  const call = async <T>(functionKey: string, payload: unknown): Promise<T> => {
    const answer = await invoke({
      moduleKey: IMPORT_MODULE_KEY,
      functionKey,
      payload,
      accountId: adminAccountId,
    });
    if (isFailureEnvelope(answer))
      throw new ImportFailed(`${functionKey} answered ${answer.error.code}: ${answer.error.message}`);
    return (answer as { data: T }).data;
  };
  try {
    const text = JSON.stringify(document);
    const parts: string[] = [];
    for (let start = 0; start < text.length; start += PART_CHARACTERS)
      parts.push(text.slice(start, start + PART_CHARACTERS));
    let importId: string | undefined;
    for (const [part, chunk] of parts.entries()) {
      ({ importId } = await call<{ importId: string }>(ADMIN.stageImport, {
        ...(importId === undefined ? {} : { importId }),
        part,
        parts: parts.length,
        chunk,
      }));
    }
    const preview = await call<{ valid: boolean; issues: { path: string; message: string }[] }>(
      ADMIN.previewImport,
      { importId },
    );
    if (!preview.valid) {
      const first = preview.issues[0];
      throw new ImportFailed(
        `${ADMIN.previewImport} found ${String(preview.issues.length)} problem(s)${first ? `, first ${first.path} ${first.message}` : ''}`,
      );
    }
    for (let step = 0; step < MAX_STEPS; step++) {
      const answer = await call<{ done: boolean }>(ADMIN.applyImport, { importId });
      if (answer.done) {
        log(
          `value data imported through ${IMPORT_MODULE_KEY} ${ADMIN.applyImport} (${String(document.epics.length)} epics, ${String(step + 1)} steps)`,
        );
        return 'imported';
      }
    }
    throw new ImportFailed(`${ADMIN.applyImport} did not finish in ${String(MAX_STEPS)} steps`);
  } catch (error) {
    if (error instanceof ImportFailed) {
      log(`value data not imported: ${error.message}`);
      return 'failed';
    }
    if (error instanceof InvokeError && error.message.includes('Resolver has no definition')) {
      log('value data not imported: the admin import is not available yet');
      return 'unavailable';
    }
    if (error instanceof InvokeError && error.errorType === 'MODULE_NOT_FOUND') {
      log(`value data not imported: manifest.yml has no ${IMPORT_MODULE_KEY} module`);
      return 'unavailable';
    }
    log(
      `value data not imported: the import threw ${error instanceof Error ? error.message : String(error)}`,
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
