import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExportFile } from '../../../src/contract/gadget.contract';
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
  epics: [{}, {}, {}],
});

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

  async function download(file: ExportFile) {
    answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/export-backup': () => ok(file),
    });
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('tab', { name: 'Backup' }));
    await user.click(screen.getByRole('button', { name: 'Download backup' }));
  }

  it('downloads the backup as the JSON file the server named, and says what it holds', async () => {
    await download({
      filename: 'value-layer-backup-2026-11-23.json',
      mimeType: 'application/json',
      content: CONTENT,
      warnings: [],
    });

    const status = await screen.findByRole('status');
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
    await download({
      filename: 'backup.json',
      mimeType: 'application/json',
      content: CONTENT,
      warnings: ['PAY-7 was left out: its stored record is not valid JSON'],
    });

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Downloaded backup.json, with gaps');
    expect(within(status).getByRole('listitem')).toHaveTextContent(
      'PAY-7 was left out: its stored record is not valid JSON',
    );
  });
});
