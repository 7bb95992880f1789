/**
 * The violation reports browsers post to the `report-uri` of a module's Content-Security-Policy
 * (the `application/csp-report` format), turned into one line for the host's log.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/report-uri
 */
import { z } from 'zod';

/** Where the modules' CSP sends its reports on the local host. */
export const cspReportPath = '/api/csp-reports';

const cspReportSchema = z.object({
  'csp-report': z
    .object({
      'document-uri': z.string(),
      'effective-directive': z.string().optional(),
      'violated-directive': z.string().optional(),
      'blocked-uri': z.string().optional(),
      'source-file': z.string().optional(),
      'line-number': z.number().optional(),
    })
    .loose(),
});

/** e.g. `CSP violation in http://…/resources/gadget/index.html: script-src blocked eval at http://…/index.js:12` */
export function describeCspReport(body: unknown): string {
  const parsed = cspReportSchema.safeParse(body);
  if (!parsed.success) {
    return `CSP violation report in an unknown format: ${JSON.stringify(body).slice(0, 500)}`;
  }
  const report = parsed.data['csp-report'];
  const directive = report['effective-directive'] ?? report['violated-directive'] ?? 'a directive';
  const blocked = report['blocked-uri'] || 'a resource';
  const source = report['source-file'];
  const where = source ? ` at ${source}:${String(report['line-number'] ?? 0)}` : '';
  return `CSP violation in ${report['document-uri']}: ${directive} blocked ${blocked}${where}`;
}
