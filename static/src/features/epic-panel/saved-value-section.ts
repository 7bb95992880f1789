import type { EpicValueView } from '../../../../src/contract/panel.contract';

/**
 * The props of a section whose action works on the saved value record rather than the form
 * (approving the baseline, closing a review): it answers with the record's new view.
 */
export interface SavedValueSectionProps {
  issueKey: string;
  view: EpicValueView;
  decimals: number;
  /** The form holds unsaved edits: the action works on the saved value, so it waits for a save. */
  dirty: boolean;
  onViewChange: (view: EpicValueView) => void;
  announce: (message: string) => void;
}
