import Resolver from '@forge/resolver';
import { approveBaseline } from '../application/epic-value/approve-baseline';
import { getBaselineHistory } from '../application/epic-value/get-baseline-history';
import { getEpicHistory } from '../application/epic-value/get-epic-history';
import { getEpicValue } from '../application/epic-value/get-epic-value';
import { saveEpicValue } from '../application/epic-value/save-epic-value';
import {
  approveBaselineInput,
  getBaselinesInput,
  getEpicHistoryInput,
  getEpicValueInput,
  PANEL,
  saveEpicValueInput,
} from '../contract/panel.contract';
import { closeReview } from '../application/reviews/close-review';
import { getEpicReviews } from '../application/reviews/get-epic-reviews';
import { closeReviewInput, getEpicReviewsInput } from '../contract/review.contract';
import { asCaller } from './as-caller';
import { defineResolver } from './define-resolver';

const resolver = new Resolver();

defineResolver(resolver, PANEL.getValue, getEpicValueInput, (input, caller) =>
  getEpicValue(asCaller(caller), input),
);
defineResolver(resolver, PANEL.saveValue, saveEpicValueInput, (input, caller) =>
  saveEpicValue(asCaller(caller), input),
);
defineResolver(resolver, PANEL.getHistory, getEpicHistoryInput, (input, caller) =>
  getEpicHistory(asCaller(caller), input),
);

defineResolver(resolver, PANEL.approveBaseline, approveBaselineInput, (input, caller) =>
  approveBaseline(asCaller(caller), input),
);
defineResolver(resolver, PANEL.getBaselines, getBaselinesInput, (input, caller) =>
  getBaselineHistory(asCaller(caller), input),
);
defineResolver(resolver, PANEL.getReviews, getEpicReviewsInput, (input, caller) =>
  getEpicReviews(asCaller(caller), input),
);
defineResolver(resolver, PANEL.closeReview, closeReviewInput, (input, caller) =>
  closeReview(asCaller(caller), input),
);

export const panelResolver = resolver.getDefinitions();
