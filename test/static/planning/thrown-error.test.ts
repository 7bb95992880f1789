import { resolverErrorOf } from '../../../static/src/features/planning/thrown-error';

describe('resolverErrorOf', () => {
  it('keeps the message of what was thrown', () => {
    expect(resolverErrorOf(new Error('Network down'), 'The cut could not be run.')).toEqual({
      code: 'UPSTREAM',
      message: 'Network down',
    });
  });

  it('says what failed when what was thrown has no message', () => {
    expect(resolverErrorOf('timeout', 'The cut could not be run.')).toEqual({
      code: 'UPSTREAM',
      message: 'The cut could not be run.',
    });
  });
});
