/**
 * The theme the user picks in the shell's header, as it is kept across reloads (localStorage) and
 * turned into the colour mode @atlaskit/tokens reads from `data-color-mode`. Shared by the shell
 * (session.ts) and the host's not-found page (not-found.ts), so both show the same theme.
 */
export type ThemeChoice = 'light' | 'dark' | 'auto';
export type ColorMode = 'light' | 'dark';

export const themeKey = 'forge-local-host.theme';

/** A saved choice, or `light` for nothing saved or anything unrecognised. */
export function parseThemeChoice(saved: string | null): ThemeChoice {
  return saved === 'dark' || saved === 'auto' ? saved : 'light';
}

/** `auto` follows the browser's `prefers-color-scheme`; the others are what they say. */
export function colorModeOf(theme: ThemeChoice, prefersDark: boolean): ColorMode {
  if (theme === 'auto') return prefersDark ? 'dark' : 'light';
  return theme;
}
