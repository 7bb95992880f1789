/**
 * The shell page and local-bridge.js are written in TypeScript and type-checked with the rest of
 * the project; the browser gets them transpiled on request (type-only syntax stripped, nothing
 * bundled). Shell modules import each other extensionless (`./router`), which resolves to
 * `/shell/router` and so back to `router.ts` here.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const cache = new Map<string, { mtimeMs: number; js: string }>();

/** `name` is a path below `dir` without extension, e.g. `views/issue`; null when there is no such file. */
export function transpiledScript(dir: string, name: string): string | null {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(name)) return null;
  const file = join(dir, `${name}.ts`);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const cached = cache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.js;
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false },
  });
  cache.set(file, { mtimeMs, js: outputText });
  return outputText;
}
