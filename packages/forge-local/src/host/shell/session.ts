/**
 * Who is signed in and which theme the shell shows; both survive a reload (localStorage) and both
 * notify listeners, since switching either must reach every mounted module.
 */
import type { DemoUser } from '../../site-api';
import type { SiteInfo } from '../api-types';
import { themeAttribute } from './theme-attribute';
import { colorModeOf, parseThemeChoice, themeKey, type ColorMode, type ThemeChoice } from './theme-choice';

export type { ColorMode, ThemeChoice } from './theme-choice';

const userKey = 'forge-local-host.accountId';

export interface Session {
  site: SiteInfo;
  user: DemoUser;
  theme: ThemeChoice;
  colorMode: ColorMode;
}

type Listener = (session: Session, changed: 'user' | 'theme') => void;

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<Listener>();
let current: Session | null = null;

function resolveColorMode(theme: ThemeChoice): ColorMode {
  return colorModeOf(theme, darkQuery.matches);
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the session just won't survive a reload
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // as above
  }
}

/** Sets `data-theme`/`data-color-mode` as @atlaskit/tokens expects them on <html>. */
export function applyTheme(root: HTMLElement, colorMode: ColorMode): void {
  root.setAttribute('data-theme', themeAttribute);
  root.setAttribute('data-color-mode', colorMode);
}

export function startSession(site: SiteInfo): Session {
  const savedUser = site.users.find((u) => u.accountId === readStorage(userKey));
  const user = savedUser ?? site.users.find((u) => u.role === 'admin') ?? site.users[0];
  if (!user) throw new Error('The site has no users to sign in as.');
  const theme = parseThemeChoice(readStorage(themeKey));
  current = { site, user, theme, colorMode: resolveColorMode(theme) };
  applyTheme(document.documentElement, current.colorMode);
  darkQuery.addEventListener('change', () => {
    if (current?.theme === 'auto') setTheme('auto');
  });
  return current;
}

export function session(): Session {
  if (!current) throw new Error('The session has not started yet.');
  return current;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function switchUser(accountId: string): void {
  const now = session();
  const user = now.site.users.find((u) => u.accountId === accountId);
  if (!user || user.accountId === now.user.accountId) return;
  writeStorage(userKey, accountId);
  current = { ...now, user };
  for (const listener of listeners) listener(current, 'user');
}

export function setTheme(theme: ThemeChoice): void {
  const now = session();
  writeStorage(themeKey, theme);
  current = { ...now, theme, colorMode: resolveColorMode(theme) };
  applyTheme(document.documentElement, current.colorMode);
  for (const listener of listeners) listener(current, 'theme');
}
