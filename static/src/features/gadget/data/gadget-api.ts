import {
  GADGET,
  type EpicList,
  type ExportPart,
  type LivePage,
  type PortfolioView,
  type Scope,
} from '../../../../../src/contract/gadget.contract';
import { callResolver } from '../../../shared/resolver-client';

export type EpicFilter =
  | { by: 'all' }
  | { by: 'project'; key: string }
  | { by: 'programme'; key: string }
  | { by: 'objective'; id: string };

export interface ScopeRequest {
  scope: Scope;
  asOf: string;
}

export function getPortfolio(request: ScopeRequest) {
  return callResolver<PortfolioView>(GADGET.getPortfolio, request);
}

/** One page of a live computation: without `cursor` a new one starts, with it the named one goes on. */
export function livePage(request: ScopeRequest & { cursor?: string }) {
  return callResolver<LivePage>(GADGET.livePage, request);
}

export function listEpics(request: ScopeRequest & { filter: EpicFilter }) {
  return callResolver<EpicList>(GADGET.listEpics, request);
}

/** One part of the scope's export: without `cursor` the first, then each `nextCursor` until it is null. */
export function exportPage(request: ScopeRequest & { format: 'csv' | 'json'; cursor?: string | undefined }) {
  const { cursor, ...rest } = request;
  return callResolver<ExportPart>(GADGET.exportPage, cursor === undefined ? rest : { ...rest, cursor });
}
