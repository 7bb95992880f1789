import {
  BENEFIT_KIND_NAMES,
  BENEFIT_KINDS,
  EVIDENCE_GRADE_NAMES,
  EVIDENCE_GRADES,
} from '../../../../src/contract/value-vocabulary';
import type { BenefitKind, EvidenceGrade } from './draft';

/** How the value record's vocabularies read on screen: the one vocabulary every view uses. */
export const BENEFIT_KIND_LABELS: Readonly<Record<string, string>> = BENEFIT_KIND_NAMES;

/** Every kind, "Dis-benefit" last: a benefit can be turned into a dis-benefit and back. */
export const KIND_OPTIONS: readonly { value: BenefitKind; label: string }[] = BENEFIT_KINDS.map((kind) => ({
  value: kind,
  label: BENEFIT_KIND_NAMES[kind],
}));

export const EVIDENCE_OPTIONS: readonly { value: EvidenceGrade; label: string }[] = EVIDENCE_GRADES.map(
  (grade) => ({ value: grade, label: EVIDENCE_GRADE_NAMES[grade] }),
);
