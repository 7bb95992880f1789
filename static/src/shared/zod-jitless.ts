/**
 * Imported first by every module's entry, so it runs before any schema exists. Zod compiles fast
 * object parsers with `new Function`, and it probes for that ability when the first object schema
 * is built; under Forge's Content Security Policy (no `unsafe-eval`) even the swallowed probe is a
 * violation, reported to Atlassian on every page load. Jitless, zod parses the same without eval.
 * https://developer.atlassian.com/platform/forge/custom-ui/#content-security-policy
 */
import { z } from 'zod';

z.config({ jitless: true });
