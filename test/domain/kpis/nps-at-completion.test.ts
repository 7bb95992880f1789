import { npsAtCompletion, totalsOfEpics } from '../../../src/domain';
import { anEpic } from '../../fixtures/value-builders';

describe(npsAtCompletion.name, () => {
  it('returns 100 x (promoters - detractors) / responses for a done epic: 100 x (40 - 10) / 80 = 37.5', () => {
    const totals = totalsOfEpics({
      epics: [anEpic({ status: 'done', value: { nps: { promoters: 40, passives: 30, detractors: 10 } } })],
    });
    expect(npsAtCompletion({ totals })).toEqual({ value: 37.5 });
  });

  it('pools the responses of several done epics: 100 x (40 + 0 - 10 - 20) / (80 + 20) = 10', () => {
    const totals = totalsOfEpics({
      epics: [
        anEpic({ status: 'done', value: { nps: { promoters: 40, passives: 30, detractors: 10 } } }),
        anEpic({ status: 'done', value: { nps: { promoters: 0, passives: 0, detractors: 20 } } }),
      ],
    });
    expect(npsAtCompletion({ totals })).toEqual({ value: 10 });
  });

  it('ignores epics that are not done', () => {
    const totals = totalsOfEpics({
      epics: [
        anEpic({ status: 'done', value: { nps: { promoters: 1, passives: 0, detractors: 0 } } }),
        anEpic({ status: 'in_progress', value: { nps: { promoters: 0, passives: 0, detractors: 50 } } }),
      ],
    });
    expect(npsAtCompletion({ totals })).toEqual({ value: 100 });
  });

  it('returns NO_NPS_RESPONSES when no done epic has a response', () => {
    const totals = totalsOfEpics({
      epics: [
        anEpic({ status: 'done', value: { nps: null } }),
        anEpic({ status: 'done', value: { nps: { promoters: 0, passives: 0, detractors: 0 } } }),
        anEpic({ status: 'todo', value: { nps: { promoters: 3, passives: 0, detractors: 0 } } }),
      ],
    });
    expect(npsAtCompletion({ totals })).toEqual({ value: null, reason: 'NO_NPS_RESPONSES' });
  });
});
