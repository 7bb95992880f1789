import type { ImportPreview } from '../../../src/contract/admin.contract';
import {
  announce,
  applyProblem,
  applyProgress,
  importButtonText,
  isBusy,
  previewed,
  resultTitle,
  startedRun,
  uploadProgress,
} from '../../../static/src/features/admin/import/import-run';
import { changeText, changeValueText } from '../../../static/src/features/admin/import/field-change';

const PREVIEW: ImportPreview = {
  valid: true,
  issues: [],
  counts: { objectives: 2, epics: 4 },
  changes: {
    objectivesAdded: ['OBJ-1'],
    objectivesChanged: ['OBJ-2'],
    epicsWithNewRecord: ['PAY-1'],
    epicsReplaced: ['PAY-2'],
    epicsUnreadableReplaced: ['PAY-3'],
    epicsUnchanged: ['PAY-4'],
    settingsChanged: false,
  },
  diff: { currency: 'EUR', settings: [], objectives: [], epics: [], epicsNotDetailed: 0 },
};

describe('an import run', () => {
  it('starts reading the file, and is busy until no stage runs', () => {
    const run = startedRun({ name: 'a.json', size: 10 });

    expect(run.stages).toEqual({
      read: 'running',
      parse: 'waiting',
      upload: 'waiting',
      validate: 'waiting',
      apply: 'waiting',
    });
    expect(isBusy(run)).toBe(true);
    expect(isBusy({ ...run, stages: { ...run.stages, read: 'failed' } })).toBe(false);
    expect(announce(run)).toBe('Reading the file…');
  });

  it('counts only the objectives and epics the import writes on its button, not those it leaves alone', () => {
    expect(importButtonText(PREVIEW)).toBe('Import 2 objectives and 3 epics');
  });

  it('says how many epics an applied import wrote, and how many it left as they were', () => {
    const run = { ...startedRun({ name: 'a.json', size: 1 }), preview: PREVIEW };

    expect(resultTitle({ ...run, result: { applied: { objectives: 2, epics: 4 } } })).toBe(
      'Imported 2 objectives and 3 epics; 1 epic left as it was',
    );
    expect(
      resultTitle({
        ...run,
        preview: { ...PREVIEW, changes: { ...PREVIEW.changes, epicsUnchanged: [] } },
        result: { applied: { objectives: 1, epics: 4 } },
      }),
    ).toBe('Imported 2 objectives and 4 epics');
  });

  it('fails validation with every problem of an invalid file', () => {
    const run = previewed(startedRun({ name: 'a.json', size: 1 }), {
      ...PREVIEW,
      valid: false,
      issues: [{ path: 'epics[0].key', message: 'is required' }],
    });

    expect(run.stages.validate).toBe('failed');
    expect(run.problem).toMatchObject({ title: '1 problem found: nothing will be imported' });
    expect(run.problem?.issues).toEqual([{ path: 'epics[0].key', message: 'is required' }]);
  });

  it('says a valid file is ready to review', () => {
    const run = previewed({ ...startedRun({ name: 'a.json', size: 1 }), stages: allDone() }, PREVIEW);

    expect(run.problem).toBeUndefined();
    expect(announce(run)).toBe('The file is valid. Review what will change, then import.');
  });

  it('offers a retry after a step cut short, but not once everything was put back', () => {
    const cut = applyProblem({ code: 'UPSTREAM', message: 'Jira did not answer.' });
    const putBack = applyProblem({
      code: 'UPSTREAM',
      message: 'Put back.',
      details: { rolledBack: true, conflicts: [{ key: 'PAY-1', revision: 3, updatedBy: 'acc-1' }] },
    });

    expect(cut).toMatchObject({ title: 'Nothing was imported', retry: true });
    expect(putBack).toMatchObject({
      title: 'The import was put back, except 1 epic changed since',
      retry: false,
    });
  });

  it('points the paths of a refused apply into the file', () => {
    const problem = applyProblem({
      code: 'BAD_REQUEST',
      message: 'No.',
      fields: [{ path: 'document.epics[1].key', message: 'you cannot edit PAY-2' }],
    });

    expect(problem.issues).toEqual([{ path: 'epics[1].key', message: 'you cannot edit PAY-2' }]);
  });

  it('reports upload and apply progress in words', () => {
    expect(uploadProgress(2, 9).text).toBe('Uploading 3 of 9');
    expect(applyProgress(100, 250, 'applying')).toEqual({
      value: 100,
      max: 250,
      text: 'Applied 100 of 250 epics',
    });
    expect(applyProgress(40, 250, 'rolling-back').text).toBe('Putting back: 40 epics left');
  });
});

describe('a field change', () => {
  it('reads money in the file currency, ratios as percentages and null as none', () => {
    expect(changeValueText(2500, 'money', 'EUR')).toMatch(/2,500\.00/);
    expect(changeValueText(2500, 'money', 'JPY')).not.toMatch(/\./);
    expect(changeValueText(0.12, 'ratio', 'EUR')).toBe('12%');
    expect(changeValueText(null, 'text', 'EUR')).toBe('none');
    expect(changeText({ field: 'Discount rate', unit: 'ratio', before: 0.08, after: 0.1 }, 'EUR')).toBe(
      'Discount rate: 8% → 10%',
    );
  });
});

function allDone() {
  return { read: 'done', parse: 'done', upload: 'done', validate: 'running', apply: 'waiting' } as const;
}
