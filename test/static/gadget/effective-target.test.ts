import { effectiveTarget } from '../../../static/src/features/gadget/config/effective-target';
import { DEFAULT_TARGETS } from '../../../static/src/features/gadget/config/gadget-config';

const own = { green: 0.3, amber: 0.1, higherIsBetter: true };
const admin = { green: 0.25, amber: 0.05, higherIsBetter: true };

describe('effectiveTarget', () => {
  it('returns the gadget’s own target when its editor set one, over the admin’s', () => {
    expect(effectiveTarget('roi', { roi: own }, { roi: admin })).toEqual({ target: own, source: 'gadget' });
  });

  it('returns no target when the editor chose none, whatever the defaults', () => {
    expect(effectiveTarget('roi', { roi: null }, { roi: admin })).toEqual({ target: null, source: 'gadget' });
  });

  it('returns the admin’s target when the gadget has none of its own', () => {
    expect(effectiveTarget('roi', {}, { roi: admin })).toEqual({ target: admin, source: 'admin' });
  });

  it('returns the built-in default when neither the gadget nor the admin set one', () => {
    expect(effectiveTarget('roi', {}, {})).toEqual({ target: DEFAULT_TARGETS.roi, source: 'built-in' });
  });

  it('returns no target for a tile without any default, such as realised benefit', () => {
    expect(effectiveTarget('realisedBenefit', {}, {})).toEqual({ target: null, source: 'none' });
  });
});
