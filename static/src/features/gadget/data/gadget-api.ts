import {
  GADGET,
  type EpicList,
  type ExportFile,
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

export function exportScope(request: ScopeRequest & { format: 'csv' | 'json' }) {
  return callResolver<ExportFile>(GADGET.exportScope, request);
}
