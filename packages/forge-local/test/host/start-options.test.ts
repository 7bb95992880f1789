/** `npm start`'s options: `npm start -- --reset --seed empty`, `PORT=9000 npm start`. */
import { parseStartOptions as parseWithSeeds, StartError } from '../../src/host/start-options';

/** The seeds an app registers, its default first. */
const seeds = ['demo', 'appcelerator', 'empty'];
const parseStartOptions = (argv: string[], env: Record<string, string>) => parseWithSeeds(argv, env, seeds);

describe('parseStartOptions', () => {
  it('keeps the data, picks the first seed and serves on 8080 when given nothing', () => {
    expect(parseStartOptions([], {})).toEqual({ reset: false, seed: 'demo', port: 8080 });
  });

  it('resets and picks the seed when given --reset --seed <name>', () => {
    expect(parseStartOptions(['--reset', '--seed', 'appcelerator'], {})).toEqual({
      reset: true,
      seed: 'appcelerator',
      port: 8080,
    });
  });

  it('accepts --seed=<name>', () => {
    expect(parseStartOptions(['--seed=empty'], {}).seed).toBe('empty');
  });

  it('takes the port from PORT', () => {
    expect(parseStartOptions([], { PORT: '9000' }).port).toBe(9000);
  });

  it('names the valid seeds when the seed is unknown', () => {
    expect(() => parseStartOptions(['--seed', 'big'], {})).toThrow(
      new StartError('--seed must be one of demo, appcelerator, empty; got big.'),
    );
  });

  it('says a seed name is missing when --seed ends the line', () => {
    expect(() => parseStartOptions(['--seed'], {})).toThrow(/got nothing/);
  });

  it('refuses to start when the app registers no seed', () => {
    expect(() => parseWithSeeds([], {}, [])).toThrow(/registers no seed/);
  });

  it('lists the options when given one it does not know', () => {
    expect(() => parseStartOptions(['--port', '9000'], {})).toThrow(
      /Unknown option --port\. Options: --reset, --seed/,
    );
  });

  it.each(['abc', '70000', '-1', '80.5'])('refuses PORT=%s', (port) => {
    expect(() => parseStartOptions([], { PORT: port })).toThrow(StartError);
  });
});
