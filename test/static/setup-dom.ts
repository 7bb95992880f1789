import '@testing-library/jest-dom/jest-globals';
import { fakeBridge } from './fake-bridge';

afterEach(() => {
  fakeBridge.reset();
});
