import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const repoRoot = resolve(__dirname, '../..');

export type ManifestModule = Record<string, unknown> & { key: string };

export type ManifestFunction = ManifestModule & { handler: string };

export interface ManifestResource {
  key: string;
  path: string;
}

export interface Manifest {
  modules: Record<string, ManifestModule[]> & { function: ManifestFunction[] };
  resources: ManifestResource[];
  permissions: { scopes: string[] };
}

/** The manifest as data, read the way Forge reads it (YAML, no interpolation needed here). */
export function readManifest(path = resolve(repoRoot, 'manifest.yml')): Manifest {
  return parse(readFileSync(path, 'utf8')) as Manifest;
}
