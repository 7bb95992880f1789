/**
 * The `data-theme` value on <html> that selects Jira's default token themes (the ones /tokens.css
 * holds), in @atlaskit/tokens' `themeObjectToString` format.
 */
export const themeAttribute = 'dark:dark light:light shape:shape spacing:spacing typography:typography';
