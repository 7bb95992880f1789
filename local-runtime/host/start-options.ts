/** `npm start`'s command line: `--reset`, `--seed <name>` and the PORT environment variable. */
import type { SeedName } from '../site-api';

/** A problem the user can fix; printed without a stack trace. */
export class StartError extends Error {
  override name = 'StartError';
}

export const seedNames: readonly SeedName[] = ['demo', 'appcelerator', 'empty'];

export interface StartOptions {
  reset: boolean;
  seed: SeedName;
  port: number;
}

function isSeedName(value: string | undefined): value is SeedName {
  return seedNames.some((name) => name === value);
}

export function parseStartOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): StartOptions {
  let reset = false;
  let seed: SeedName = 'demo';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--reset') {
      reset = true;
    } else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? argv[(i += 1)] : arg.slice('--seed='.length);
      if (!isSeedName(value)) {
        throw new StartError(`--seed must be one of ${seedNames.join(', ')}; got ${value ?? 'nothing'}.`);
      }
      seed = value;
    } else {
      throw new StartError(
        `Unknown option ${arg}. Options: --reset, --seed ${seedNames.join('|')}; PORT=<n> sets the port.`,
      );
    }
  }
  const rawPort = env['PORT'];
  const port = rawPort === undefined || rawPort === '' ? 8080 : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartError(`PORT must be a port number from 0 to 65535; got ${rawPort ?? ''}.`);
  }
  return { reset, seed, port };
}
