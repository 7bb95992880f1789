import { screen } from '@testing-library/react';
import { act } from 'react';
import { boot } from '../../static/src/shared/boot';
import { Placeholder } from '../../static/src/shared/placeholder';
import { fakeBridge } from './fake-bridge';

describe('boot', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
  });

  it("enables Jira's theme before the first render", async () => {
    let rootWasEmptyWhenThemed = false;
    fakeBridge.on('enableTheming', () => {
      rootWasEmptyWhenThemed = document.getElementById('root')?.childElementCount === 0;
    });

    await act(() => boot(<Placeholder title="Value" purpose="Benefits of this epic." />));

    expect(fakeBridge.calls.map((call) => call.method)).toEqual(['enableTheming']);
    expect(rootWasEmptyWhenThemed).toBe(true);
    expect(screen.getByRole('heading', { name: 'Value' })).toBeInTheDocument();
  });

  it('fails with a clear message when the page has no root element', async () => {
    document.body.innerHTML = '';

    await expect(boot(<Placeholder title="Value" purpose="x" />)).rejects.toThrow(/#root/);
  });
});
