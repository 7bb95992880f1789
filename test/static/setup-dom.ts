import '@testing-library/jest-dom/jest-globals';
import { fakeBridge } from './fake-bridge';

// The UI tests drive whole screens through user-event on a 2-core machine shared by two jest
// workers: a test that types a dozen fields takes 2-5 s there. The default 5 s limit made them
// fail on load alone; this is a limit against hangs, not a speed target (those live in the bench).
jest.setTimeout(20_000);

afterEach(() => {
  fakeBridge.reset();
});
