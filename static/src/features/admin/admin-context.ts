import { createContext, useContext } from 'react';
import type { AdminApi } from './admin-api';

export type SectionId = 'objectives' | 'settings' | 'import' | 'backup' | 'audit';

export interface AdminContextValue {
  api: AdminApi;
  /** Shows another section of the page, as its tab does. */
  show: (section: SectionId) => void;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

function useAdminContext(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error('The admin page components need the AdminContext provider.');
  return value;
}

export function useAdminApi(): AdminApi {
  return useAdminContext().api;
}

export function useShowSection(): (section: SectionId) => void {
  return useAdminContext().show;
}
