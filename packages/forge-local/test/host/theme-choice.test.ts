/** The theme the shell and its not-found page show, from the choice kept in localStorage. */
import { colorModeOf, parseThemeChoice } from '../../src/host/shell/theme-choice';

describe('parseThemeChoice', () => {
  it('returns a saved dark or auto choice as it is', () => {
    expect([parseThemeChoice('dark'), parseThemeChoice('auto')]).toEqual(['dark', 'auto']);
  });

  it('returns light when nothing is saved or the saved value is not a choice', () => {
    expect([parseThemeChoice(null), parseThemeChoice('light'), parseThemeChoice('DARK')]).toEqual([
      'light',
      'light',
      'light',
    ]);
  });
});

describe('colorModeOf', () => {
  it("follows the browser's preference for auto", () => {
    expect([colorModeOf('auto', true), colorModeOf('auto', false)]).toEqual(['dark', 'light']);
  });

  it('keeps light and dark whatever the browser prefers', () => {
    expect([colorModeOf('light', true), colorModeOf('dark', false)]).toEqual(['light', 'dark']);
  });
});
