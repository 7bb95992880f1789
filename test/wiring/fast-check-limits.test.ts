import fc from 'fast-check';
import { PROPERTY_TIME_LIMIT_MS } from '../fast-check-limits';

describe('fast-check in every test file', () => {
  it('stops a property, shrinking included, after the time limit and counts that as a failure', () => {
    expect(fc.readConfigureGlobal()).toMatchObject({
      interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS,
      markInterruptAsFailure: true,
    });
  });
});
