import {
  GADGET,
  type EpicList,
  type ExportFile,
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

export function listEpics(request: ScopeRequest & { filter: EpicFilter }) {
  return callResolver<EpicList>(GADGET.listEpics, request);
}

export function exportScope(request: ScopeRequest & { format: 'csv' | 'json' }) {
  return callResolver<ExportFile>(GADGET.exportScope, request);
}
