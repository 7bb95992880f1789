import { DEMO_ACCOUNT_IDS, openLocalSite, type LocalSiteRuntime } from '../../local-site';

export const { admin: ADMIN, portfolio: PORTFOLIO, team: TEAM } = DEMO_ACCOUNT_IDS;

export interface Envelope<T = unknown> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string; fields?: { path: string; message: string }[]; details?: unknown };
}

/** The real app on the local runtime: demo site in memory, value data imported by the app itself. */
export async function openDemoSite(): Promise<LocalSiteRuntime> {
  const site = await openLocalSite({ dataDir: null, seed: 'demo', log: () => undefined });
  if (site.valueImport !== 'imported')
    throw new Error(`the demo value import failed: ${JSON.stringify(site.valueImport)}`);
  return site;
}

const MODULE_OF = {
  panel: 'value-panel',
  gadget: 'value-gadget',
  admin: 'value-admin',
  planning: 'value-planning',
} as const;

/** Invokes a resolver exactly as the Custom UI's `invoke()` would. */
export async function call<T = unknown>(
  site: LocalSiteRuntime,
  accountId: string,
  functionKey: string,
  payload: unknown = {},
): Promise<Envelope<T>> {
  const module = functionKey.split('/')[0] as keyof typeof MODULE_OF;
  return (await site.invoke({
    moduleKey: MODULE_OF[module],
    functionKey,
    payload,
    accountId,
  })) as Envelope<T>;
}

/** Uploads a file's JSON text in parts, as the admin page does; answers the import's id. */
export async function stageFile(
  site: LocalSiteRuntime,
  accountId: string,
  text: string,
  partSize = 150_000,
): Promise<string> {
  let importId: string | undefined;
  const parts = Math.max(1, Math.ceil(text.length / partSize));
  for (let part = 0; part < parts; part++) {
    const staged = await call<{ importId: string }>(site, accountId, 'admin/import-stage', {
      ...(importId === undefined ? {} : { importId }),
      part,
      parts,
      chunk: text.slice(part * partSize, (part + 1) * partSize),
    });
    if (staged.data === undefined) throw new Error(`staging failed: ${JSON.stringify(staged.error)}`);
    importId = staged.data.importId;
  }
  if (importId === undefined) throw new Error('nothing staged');
  return importId;
}

/** Applies a staged import step by step until it is done or answers an error: that last answer. */
export async function applyUntilDone(
  site: LocalSiteRuntime,
  accountId: string,
  importId: string,
): Promise<Envelope<{ done: boolean }>> {
  for (let step = 0; step < 200; step++) {
    const answer = await call<{ done: boolean }>(site, accountId, 'admin/import-apply', { importId });
    if (answer.data?.done !== false) return answer;
  }
  throw new Error('the import never finished');
}
