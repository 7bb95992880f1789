import { view } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';

interface ModuleLocation {
  pathname: string;
}

/** The part of Forge's `view.createHistory()` object the page uses (history v4's API). */
interface ModuleHistory {
  location: ModuleLocation;
  push(path: string): void;
  listen(listener: (update: unknown) => void): () => void;
}

function pathnameOf(update: unknown): string | undefined {
  if (typeof update !== 'object' || update === null) return undefined;
  // history v4 passes the location; v5 passes `{ location, action }`.
  const location = 'location' in update ? update.location : update;
  const pathname = (location as { pathname?: unknown } | null)?.pathname;
  return typeof pathname === 'string' ? pathname : undefined;
}

/**
 * Which section of the admin page is shown, kept in Jira's address bar through the module's
 * history, so that Back works and a section can be linked to. Where the host offers no history,
 * the section lives in React state only.
 */
export function useModuleRoute<Id extends string>(
  sections: readonly { id: Id; path: string }[],
  fallback: Id,
): [Id, (id: Id) => void] {
  const [current, setCurrent] = useState<Id>(fallback);
  const history = useRef<ModuleHistory | null>(null);
  const sectionsRef = useRef(sections);

  const fromPath = useCallback(
    (pathname: string | undefined): Id =>
      sectionsRef.current.find((section) => section.path === pathname)?.id ?? fallback,
    [fallback],
  );

  useEffect(() => {
    let active = true;
    let unlisten: (() => void) | undefined;
    view
      .createHistory()
      .then((created) => {
        const moduleHistory = created as unknown as ModuleHistory;
        if (!active) return;
        history.current = moduleHistory;
        setCurrent(fromPath(moduleHistory.location.pathname));
        unlisten = moduleHistory.listen((update) => {
          setCurrent(fromPath(pathnameOf(update)));
        });
      })
      .catch(() => {
        // No history here (a test, or a host without it): sections still switch, without URLs.
      });
    return () => {
      active = false;
      unlisten?.();
    };
  }, [fromPath]);

  const select = useCallback((id: Id) => {
    setCurrent(id);
    const path = sectionsRef.current.find((section) => section.id === id)?.path;
    if (history.current && path !== undefined && history.current.location.pathname !== path) {
      history.current.push(path);
    }
  }, []);

  return [current, select];
}
