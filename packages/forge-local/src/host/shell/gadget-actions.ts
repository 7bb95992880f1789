/**
 * Which controls a gadget's header offers. Only a user who may change the dashboard (its owner or
 * a Jira admin, as the host's API decides) gets Edit and Remove; everyone may refresh a gadget
 * they see. In edit mode, Cancel editing appears once there is a saved configuration to go back to.
 */
export type GadgetAction = 'Edit' | 'Cancel editing' | 'Refresh' | 'Remove';

export function gadgetActions(state: {
  editable: boolean;
  editing: boolean;
  configured: boolean;
}): GadgetAction[] {
  if (!state.editable) return ['Refresh'];
  if (state.editing) return state.configured ? ['Cancel editing', 'Remove'] : ['Remove'];
  return ['Edit', 'Refresh', 'Remove'];
}
