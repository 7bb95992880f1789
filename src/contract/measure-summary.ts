/** The parts of a benefit's measure a summary names (the domain's `BenefitMeasure`). */
export interface MeasureParts {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
  readonly method: string;
}

/**
 * A benefit's measure in one line, as the panel's history and the import preview say it:
 * "Checkout time, 90 → 30 seconds (Analytics median)". Values are in the measure's own unit.
 */
export function measureSummary(measure: MeasureParts): string {
  const unit = measure.unit.trim() === '' ? '' : ` ${measure.unit.trim()}`;
  const method = measure.method.trim() === '' ? '' : ` (${measure.method.trim()})`;
  return `${measure.name}, ${String(measure.baseline)} → ${String(measure.target)}${unit}${method}`;
}
