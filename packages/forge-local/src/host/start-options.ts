/** The start command's line: `--reset`, `--seed <name>` and the PORT environment variable. */

/** A problem the user can fix; printed without a stack trace. */
export class StartError extends Error {
  override name = 'StartError';
}

export interface StartOptions {
  reset: boolean;
  /** One of the seed names given; the first when `--seed` is absent. */
  seed: string;
  port: number;
}

/** `seedNames`: the names of the seeds the app registers, its default first. */
export function parseStartOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  seedNames: readonly string[],
): StartOptions {
  let reset = false;
  let seed = seedNames[0];
  if (seed === undefined) throw new StartError('The app registers no seed to start the site with.');
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--reset') {
      reset = true;
    } else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? argv[(i += 1)] : arg.slice('--seed='.length);
      if (value === undefined || !seedNames.includes(value)) {
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
