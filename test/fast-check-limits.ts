import fc from 'fast-check';

/**
 * The most time one property may take, its shrinking included. A failing property shrinks its
 * counterexample by running again and again; over a solver that can take seconds a run, that has
 * held CI for over an hour. Past this limit fast-check stops and the test fails with the smallest
 * counterexample found so far (an interrupted run without one fails too), so CI reports a failure,
 * never a timeout.
 */
export const PROPERTY_TIME_LIMIT_MS = 120_000;

// The plugin that replaces these two options cannot be set globally (fast-check 4.10's
// GlobalParameters omits `plugins`), and every property must have the limit.
/* eslint-disable @typescript-eslint/no-deprecated */
fc.configureGlobal({ interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS, markInterruptAsFailure: true });
/* eslint-enable @typescript-eslint/no-deprecated */
