import type { RangeDefaults, ThreePointPercent } from '../../../../src/contract/panel.contract';
import { parseMonth } from '../../shared/months';
import type { BenefitDraft, EvidenceGrade } from './draft';

const STRENGTH: Record<EvidenceGrade, number> = { verified: 2, measured: 1, estimated: 0 };

/** The weakest of `grades`, `estimated` when there are none (the rule of the simulation's defaults). */
function weakest(grades: readonly EvidenceGrade[]): EvidenceGrade {
  return (
    grades.reduce<EvidenceGrade | null>(
      (found, grade) => (found === null || STRENGTH[grade] < STRENGTH[found] ? grade : found),
      null,
    ) ?? 'estimated'
  );
}

/**
 * The evidence grade a benefit's default range follows, as the server reads it
 * (`benefitEvidenceGrade`): the weakest grade among its realised rows up to the as-of month.
 */
export function benefitGradeOf(benefit: Pick<BenefitDraft, 'realised'>, asOf: string): EvidenceGrade {
  return weakest(
    benefit.realised.flatMap((row) => {
      const month = parseMonth(row.month);
      return month !== null && month <= asOf ? [row.evidence] : [];
    }),
  );
}

/** The default range of a benefit: its grade and the percentages a blank range stands for. */
export function defaultBenefitRange(
  benefit: Pick<BenefitDraft, 'realised'>,
  { asOf, defaults }: { asOf: string; defaults: RangeDefaults },
): { grade: EvidenceGrade; range: ThreePointPercent } {
  const grade = benefitGradeOf(benefit, asOf);
  return { grade, range: defaults.benefit[grade] };
}

/** The default cost overrun: the weakest grade of the epic's benefits (`estimated` without any). */
export function defaultCostOverrun(
  benefits: readonly Pick<BenefitDraft, 'realised'>[],
  { asOf, defaults }: { asOf: string; defaults: RangeDefaults },
): { grade: EvidenceGrade; range: ThreePointPercent } {
  const grade = weakest(benefits.map((benefit) => benefitGradeOf(benefit, asOf)));
  return { grade, range: defaults.costOverrun[grade] };
}
