import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExportPart } from '../../../src/contract/gadget.contract';
import { ExportBar } from '../../../static/src/features/gadget/view/export-bar';
import { answerInvoke } from './portfolio-fixtures';

const REQUEST = { scope: { kind: 'all' as const }, asOf: '2026-03' };

function part(index: number, last: boolean): ExportPart {
  return {
    part: index === 0 ? '{"epics":[1' : `,${String(index + 1)}${last ? ']}' : ''}`,
    nextCursor: last ? null : `v1.${String(index + 1)}.abc.${String(index + 1)}`,
    epics: 500,
    warnings: [],
    filename: 'value-layer-portfolio-2026-03.json',
    mimeType: 'application/json',
  };
}

describe('ExportBar', () => {
  let clicked: string[];

  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = jest.fn(() => 'blob:export');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('shows how many epics it has exported while it reads the parts', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    answerInvoke({
      'gadget/export-page': async (payload) => {
        if (payload.cursor === undefined) return { ok: true, data: part(0, false) };
        if (payload.cursor === 'v1.1.abc.1') return { ok: true, data: part(1, false) };
        await held;
        return { ok: true, data: part(2, true) };
      },
    });
    const user = userEvent.setup();
    render(<ExportBar request={REQUEST} />);

    await user.click(screen.getByRole('button', { name: 'Export JSON' }));

    expect(await screen.findByText('Exported 1,000 epics…')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Exported 1,000 epics…');
    expect(screen.getByRole('progressbar', { name: 'Exporting JSON' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    release();

    expect(await screen.findByText(/Downloaded value-layer-portfolio-2026-03.json/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(clicked).toEqual(['value-layer-portfolio-2026-03.json']);
  });

  it('offers Try again after a failed part, and goes on from the last cursor', async () => {
    let failed = false;
    const calls = answerInvoke({
      'gadget/export-page': (payload) => {
        if (payload.cursor === undefined) return { ok: true, data: part(0, false) };
        if (!failed) {
          failed = true;
          return { ok: false, error: { code: 'UPSTREAM', message: 'Jira did not answer in time.' } };
        }
        return { ok: true, data: part(1, true) };
      },
    });
    const user = userEvent.setup();
    render(<ExportBar request={REQUEST} />);

    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The export failed: Jira did not answer in time.');
    expect(alert).toHaveTextContent('500 epics were read');
    expect(clicked).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText(/Downloaded value-layer-portfolio-2026-03.json/)).toBeInTheDocument();
    expect(calls.map((call) => call.payload)).toEqual([
      { ...REQUEST, format: 'json' },
      { ...REQUEST, format: 'json', cursor: 'v1.1.abc.1' },
      { ...REQUEST, format: 'json', cursor: 'v1.1.abc.1' },
    ]);
    expect(clicked).toEqual(['value-layer-portfolio-2026-03.json']);
  });
});
