/**
 * The page the host answers for a path it does not serve: the shell's own look (its stylesheet
 * over the design tokens, so light and dark alike), what was asked for, and a link back into the
 * site. Its one script (shell/not-found.ts) applies the theme the user chose in the shell.
 */
import { themeAttribute } from './shell/theme-attribute';

/** `pathname` as the URL carries it (percent-encoded); the page shows it decoded, and escaped. */
export function notFoundPage(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // not valid percent-encoding: shown as it came
  }
  return `<!doctype html>
<html lang="en" data-theme="${themeAttribute}" data-color-mode="light">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Page not found - Jira (local)</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/tokens.css" />
    <link rel="stylesheet" href="/shell/shell.css" />
    <script type="module" src="/shell/not-found.js"></script>
  </head>
  <body>
    <main id="main" class="content">
      <section class="message-page message-neutral" aria-labelledby="message-title">
        <h1 id="message-title">We can't find this page</h1>
        <p>Nothing lives at <code>${escapeHtml(path)}</code> on this local site.</p>
        <a class="button button-primary" href="/issues">Go to epics</a>
      </section>
    </main>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
