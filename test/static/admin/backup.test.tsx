import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Envelope } from '../../../src/contract/envelope';
import type { ExportPart } from '../../../src/contract/gadget.contract';
import { readText } from '../../../static/src/features/admin/import/read-file';
import {
  answerJiraDefaults,
  answerResolvers,
  objectiveList,
  ok,
  renderAdminPage,
  settingsView,
} from './admin-harness';

const CONTENT = JSON.stringify({
  format: 'value-layer.portfolio',
  version: 1,
  objectives: [{}, {}],
  epics: [{ key: 'PAY-1' }, { key: 'PAY-2' }, { key: 'OPS-1' }],
});

/** The backup as the server answers it: in three parts, cut between epics. */
const PARTS = [
  '{"format":"value-layer.portfolio","version":1,"objectives":[{},{}],"epics":[{"key":"PAY-1"}',
  ',{"key":"PAY-2"}',
  ',{"key":"OPS-1"}]}',
];

type PartAnswer = (payload: Record<string, unknown>) => Envelope<ExportPart> | Promise<Envelope<ExportPart>>;

function partsOf(filename: string, warnings: string[][] = [[], [], []]): PartAnswer[] {
  return PARTS.map((part, index) => (payload) => {
    expect(payload).toEqual(index === 0 ? {} : { cursor: `cursor-${String(index)}` });
    return ok({
      part,
      nextCursor: index === PARTS.length - 1 ? null : `cursor-${String(index + 1)}`,
      epics: 1,
      warnings: warnings[index] ?? [],
      filename,
      mimeType: 'application/json' as const,
    });
  });
}

describe('the backup section', () => {
  let saved: { blob: Blob; name: string }[];
  let created: Blob[];

  beforeEach(() => {
    answerJiraDefaults();
    saved = [];
    created = [];
    // jsdom has no object URLs and does not download; record what the page hands the browser.
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return `blob:backup-${String(created.length)}`;
    };
    URL.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = created[Number(this.href.split('-').pop()) - 1];
      if (blob) saved.push({ blob, name: this.download });
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** Answers each call for a part with the next of `answers`. */
  function answerParts(answers: PartAnswer[]) {
    let call = 0;
    return answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/export-backup-page': (payload) => {
        const answer = answers[call];
        call += 1;
        if (answer === undefined) throw new Error('asked for more parts than there are');
        return answer(payload);
      },
    });
  }

  async function download(answers: PartAnswer[]) {
    const calls = answerParts(answers);
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('tab', { name: 'Backup' }));
    await user.click(screen.getByRole('button', { name: 'Download backup' }));
    return { user, calls };
  }

  it('downloads the backup read in parts as one JSON file the server named, and says what it holds', async () => {
    const { calls } = await download(partsOf('value-layer-backup-2026-11-23.json'));

    await screen.findByText('Downloaded value-layer-backup-2026-11-23.json');
    const status = screen.getByRole('status');
    expect(calls.payloads('admin/export-backup-page')).toEqual([
      {},
      { cursor: 'cursor-1' },
      { cursor: 'cursor-2' },
    ]);
    expect(status).toHaveTextContent('Downloaded value-layer-backup-2026-11-23.json');
    expect(status).toHaveTextContent('2 objectives and the value records of 3 epics');
    expect(saved).toHaveLength(1);
    expect(saved[0]?.name).toBe('value-layer-backup-2026-11-23.json');
    expect(saved[0]?.blob.type).toBe('application/json');
    const blob = saved[0]?.blob;
    expect(blob && (await readText(blob, () => undefined))).toBe(CONTENT);
    expect(within(status).getByRole('link', { name: 'Save it again' })).toHaveAttribute(
      'download',
      'value-layer-backup-2026-11-23.json',
    );
  });

  it("lists the backup's warnings: the epics it had to leave out", async () => {
    await download(
      partsOf('backup.json', [[], ['PAY-7 was left out: its stored record is not valid JSON'], []]),
    );

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Downloaded backup.json, with gaps');
    expect(within(status).getByRole('listitem')).toHaveTextContent(
      'PAY-7 was left out: its stored record is not valid JSON',
    );
  });

  it('shows how many epics it has exported while it reads the parts', async () => {
    const [first, second, third] = partsOf('backup.json');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    if (!first || !second || !third) throw new Error('three parts');
    await download([
      first,
      async (payload) => {
        await held;
        return second(payload);
      },
      third,
    ]);

    expect(await screen.findByRole('status')).toHaveTextContent('Exported 1 epic…');
    expect(screen.getByRole('progressbar', { name: 'Backup progress' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Preparing the backup/ })).toBeDisabled();
    release();

    await screen.findByText('Downloaded backup.json');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(saved).toHaveLength(1);
  });

  it('offers Try again after a failed part, and goes on from the last cursor', async () => {
    const [first, second, third] = partsOf('backup.json');
    if (!first || !second || !third) throw new Error('three parts');
    const { user, calls } = await download([
      first,
      () => ({ ok: false, error: { code: 'UPSTREAM', message: 'Jira did not answer in time.' } }),
      second,
      third,
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The backup could not be made');
    expect(alert).toHaveTextContent('Jira did not answer in time.');
    expect(alert).toHaveTextContent('1 epic read before it stopped');
    expect(saved).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    await screen.findByText('Downloaded backup.json');
    expect(calls.payloads('admin/export-backup-page')).toEqual([
      {},
      { cursor: 'cursor-1' },
      { cursor: 'cursor-1' },
      { cursor: 'cursor-2' },
    ]);
    const blob = saved[0]?.blob;
    expect(blob && (await readText(blob, () => undefined))).toBe(CONTENT);
  });
});
