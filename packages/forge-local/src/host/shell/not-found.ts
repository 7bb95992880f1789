/**
 * The script of the host's not-found page (not-found-page.ts): shows the page in the theme the
 * user chose in the shell, as the shell page does on load.
 */
import { themeAttribute } from './theme-attribute';
import { colorModeOf, parseThemeChoice, themeKey } from './theme-choice';

let saved: string | null = null;
try {
  saved = localStorage.getItem(themeKey);
} catch {
  // storage disabled: the light theme, as the shell would show
}
const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
document.documentElement.setAttribute('data-theme', themeAttribute);
document.documentElement.setAttribute('data-color-mode', colorModeOf(parseThemeChoice(saved), prefersDark));
