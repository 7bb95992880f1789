import type { EvidenceGrade } from './draft';

/** How the value record's vocabularies read on screen. */
export const BENEFIT_KIND_LABELS: Record<string, string> = {
  revenue: 'Revenue',
  cost_saving: 'Cost saving',
  cost_avoidance: 'Cost avoidance',
  risk_reduction: 'Risk reduction',
  customer: 'Customer',
  strategic: 'Strategic',
};

export const EVIDENCE_OPTIONS: readonly { value: EvidenceGrade; label: string }[] = [
  { value: 'verified', label: 'Verified' },
  { value: 'measured', label: 'Measured' },
  { value: 'estimated', label: 'Estimated' },
];
