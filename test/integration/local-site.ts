import { DEMO_ACCOUNT_IDS, openLocalSite, type LocalSiteRuntime } from '../../local-runtime/site';

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

const MODULE_OF = { panel: 'value-panel', gadget: 'value-gadget', admin: 'value-admin' } as const;

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
