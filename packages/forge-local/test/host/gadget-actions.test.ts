/** The controls a gadget's header offers in the shell, by who is looking and what the gadget is doing. */
import { gadgetActions } from '../../src/host/shell/gadget-actions';

describe('gadgetActions', () => {
  it('offers a user who may not change the dashboard only Refresh, in any state', () => {
    for (const editing of [false, true])
      for (const configured of [false, true])
        expect(gadgetActions({ editable: false, editing, configured })).toEqual(['Refresh']);
  });

  it('offers the owner or a Jira admin Edit, Refresh and Remove on a gadget in view mode', () => {
    expect(gadgetActions({ editable: true, editing: false, configured: true })).toEqual([
      'Edit',
      'Refresh',
      'Remove',
    ]);
  });

  it('offers Cancel editing in edit mode only when there is a saved configuration to go back to', () => {
    expect(gadgetActions({ editable: true, editing: true, configured: true })).toEqual([
      'Cancel editing',
      'Remove',
    ]);
    expect(gadgetActions({ editable: true, editing: true, configured: false })).toEqual(['Remove']);
  });
});
