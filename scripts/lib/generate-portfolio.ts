/**
 * A deterministic generator of believable portfolio documents (format v1), for benchmarks,
 * property tests and the local demo site. The same options always give the same document.
 *
 * The shape of a generated epic: a delivery window of 2-8 months with planned costs (and actual
 * costs, within -20%..+30% of plan, for months up to `dataThrough`), then 1-3 benefits planned
 * monthly for 6-18 months after delivery, realised (with an evidence grade) for most planned
 * months up to `dataThrough`. Epics finished by `dataThrough` are `done`, and most of those have
 * NPS survey counts. Everything lies within the `months`-long horizon starting at `firstMonth`.
 */
import type { PortfolioDocument } from '../../src/contract';
import { monthIndexOf, yearMonthOf, type BenefitKind, type EvidenceGrade } from '../../src/domain';

export interface GeneratePortfolioOptions {
  /** Number of epics. */
  readonly epics: number;
  /** Number of Jira projects; default one per 100 epics, between 1 and 60. */
  readonly projects?: number;
  /** Length of the horizon in months; default 24. */
  readonly months?: number;
  /** First month of the horizon; default 2025-12. */
  readonly firstMonth?: string;
  /** Last month with realised benefits and actual costs; default the middle of the horizon. */
  readonly dataThrough?: string;
  /** Number of strategic objectives (the last of 3 or more is archived); default 8. */
  readonly objectives?: number;
  /** PRNG seed; default 1. */
  readonly seed?: number;
  readonly currency?: string;
  readonly discountRate?: number;
}

type Document = PortfolioDocument;
type EpicDocument = Document['epics'][number];
type EntryDocument = EpicDocument['value']['costs']['planned'][number];

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; plenty for test data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) {
      throw new Error('pick from an empty list');
    }
    return item;
  };
  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often. */
  const weighted = <T>(choices: readonly (readonly [T, number])[]): T => {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let target = next() * total;
    for (const [choice, weight] of choices) {
      target -= weight;
      if (target < 0) {
        return choice;
      }
    }
    return pick(choices)[0];
  };
  return { next, integer, pick, weighted };
}
type Random = ReturnType<typeof createRandom>;

const PROJECT_KEYS = [
  'PAY',
  'CHK',
  'CRM',
  'OPS',
  'FIN',
  'MOB',
  'WEB',
  'DATA',
  'SEC',
  'INF',
  'LOG',
  'MKT',
  'SUP',
  'ERP',
  'HR',
  'APP',
  'API',
  'BI',
  'CX',
  'DEV',
  'GRC',
  'IAM',
  'LEG',
  'PRC',
  'RSK',
  'TAX',
];
const OBJECTIVE_NAMES = [
  'Grow recurring revenue',
  'Reduce cost to serve',
  'Delight customers',
  'Reduce operational risk',
  'Enter new markets',
  'Modernise the platform',
  'Meet regulatory obligations',
  'Improve employee productivity',
];
const VERBS = [
  'Automate',
  'Redesign',
  'Launch',
  'Migrate',
  'Consolidate',
  'Simplify',
  'Rebuild',
  'Introduce',
];
const SUBJECTS = [
  'invoice matching',
  'the checkout flow',
  'customer onboarding',
  'the partner portal',
  'fraud screening',
  'month-end close',
  'self-service refunds',
  'the data warehouse',
  'mobile payments',
  'supplier onboarding',
  'access reviews',
  'release pipelines',
];
const BENEFIT_TITLES: Record<BenefitKind, string> = {
  revenue: 'Conversion uplift',
  cost_saving: 'Fewer manual hours',
  cost_avoidance: 'No new licences needed',
  risk_reduction: 'Lower expected loss from incidents',
  customer: 'Fewer support contacts',
  strategic: 'Platform for new products',
  dis_benefit: 'Extra support load during migration',
};
const KIND_WEIGHTS: readonly (readonly [BenefitKind, number])[] = [
  ['revenue', 30],
  ['cost_saving', 25],
  ['cost_avoidance', 15],
  ['risk_reduction', 10],
  ['customer', 10],
  ['strategic', 10],
];
const EVIDENCE_WEIGHTS: readonly (readonly [EvidenceGrade, number])[] = [
  ['verified', 35],
  ['measured', 40],
  ['estimated', 25],
];

function projectKeyOf(index: number): string {
  const base = PROJECT_KEYS[index % PROJECT_KEYS.length] ?? 'PRJ';
  const round = Math.floor(index / PROJECT_KEYS.length);
  return round === 0 ? base : `${base}${String(round + 1)}`;
}

/** An amount in whole cents, as the decimal a document holds (cents / 100 is exact to 2 places). */
function amountOfCents(cents: number): number {
  return Math.max(0, Math.round(cents)) / 100;
}

function entry(month: number, cents: number): EntryDocument {
  return { month: yearMonthOf(month), amount: amountOfCents(cents) };
}

/** Two-decimal probability or share in [min, max]. */
function fraction(random: Random, min: number, max: number): number {
  return random.integer(Math.round(min * 100), Math.round(max * 100)) / 100;
}

function objectiveLinks(random: Random, objectives: Document['objectives']) {
  const count = random.weighted([
    [0, 2],
    [1, 5],
    [2, 3],
  ] as const);
  const candidates = objectives.filter((objective) => objective.status === 'active' || random.next() < 0.3);
  const first = candidates.length > 0 ? random.pick(candidates) : undefined;
  if (count === 0 || first === undefined) {
    return [];
  }
  const firstShare = count === 1 ? fraction(random, 0.5, 1) : fraction(random, 0.3, 0.7);
  const second = random.pick(candidates);
  if (count === 1 || second.id === first.id) {
    return [{ id: first.id, share: firstShare }];
  }
  return [
    { id: first.id, share: firstShare },
    { id: second.id, share: fraction(random, 0.1, Math.round((1 - firstShare) * 100) / 100) },
  ];
}

function generateEpic({
  random,
  key,
  project,
  programme,
  horizon,
  objectives,
}: {
  random: Random;
  key: string;
  project: string;
  programme: string | null;
  horizon: { first: number; last: number; dataThrough: number };
  objectives: Document['objectives'];
}): EpicDocument {
  const span = horizon.last - horizon.first + 1;
  const start = horizon.first + random.integer(0, Math.max(0, span - 3));
  const deliveryEnd = Math.min(horizon.last, start + random.integer(1, 7));
  const monthlyBudgetCents = random.integer(50, 800) * 10_000;

  const plannedCosts: EntryDocument[] = [];
  const actualCosts: EntryDocument[] = [];
  for (let month = start; month <= deliveryEnd; month += 1) {
    const plannedCents = monthlyBudgetCents * (0.7 + random.next() * 0.6);
    plannedCosts.push(entry(month, plannedCents));
    if (month <= horizon.dataThrough) {
      actualCosts.push(entry(month, plannedCents * (0.8 + random.next() * 0.5)));
    }
  }

  const deliveryCents = plannedCosts.reduce((sum, cost) => sum + cost.amount * 100, 0);
  const benefitCount = random.integer(1, 3);
  const benefits = Array.from({ length: benefitCount }, (_, index) => {
    const kind = random.weighted(KIND_WEIGHTS);
    const benefitStart = deliveryEnd + 1;
    const benefitEnd = Math.min(horizon.last, benefitStart + random.integer(5, 17));
    const monthlyCents = (deliveryCents * (1.2 + random.next() * 1.8)) / 12 / benefitCount;
    const planned: EntryDocument[] = [];
    const realised: (EntryDocument & { evidence: EvidenceGrade })[] = [];
    for (let month = benefitStart; month <= benefitEnd; month += 1) {
      const plannedCents = monthlyCents * (0.8 + random.next() * 0.4);
      planned.push(entry(month, plannedCents));
      if (month <= horizon.dataThrough && random.next() < 0.8) {
        realised.push({
          ...entry(month, plannedCents * (0.5 + random.next() * 0.7)),
          evidence: random.weighted(EVIDENCE_WEIGHTS),
        });
      }
    }
    return { id: `b${String(index + 1)}`, kind, title: BENEFIT_TITLES[kind], planned, realised };
  });

  const status =
    deliveryEnd <= horizon.dataThrough ? 'done' : start > horizon.dataThrough ? 'todo' : 'in_progress';
  const nps =
    status === 'done' && random.next() < 0.7
      ? {
          promoters: random.integer(5, 200),
          passives: random.integer(0, 120),
          detractors: random.integer(0, 80),
        }
      : null;
  const successProbability =
    status === 'done'
      ? fraction(random, 0.9, 1)
      : status === 'in_progress'
        ? fraction(random, 0.6, 0.95)
        : fraction(random, 0.4, 0.9);

  return {
    key,
    summary: `${random.pick(VERBS)} ${random.pick(SUBJECTS)}`,
    project,
    programme,
    status,
    value: {
      successProbability,
      objectives: objectiveLinks(random, objectives),
      benefits,
      costs: { planned: plannedCosts, actual: actualCosts },
      nps,
    },
  };
}

/** Generates a valid portfolio document (it passes `parsePortfolioV1` unchanged). */
export function generatePortfolio(options: GeneratePortfolioOptions): Document {
  const months = options.months ?? 24;
  const first = monthIndexOf(options.firstMonth ?? '2025-12');
  const last = first + months - 1;
  const dataThrough =
    options.dataThrough === undefined
      ? first + Math.floor(months / 2) - 1
      : monthIndexOf(options.dataThrough);
  const random = createRandom(options.seed ?? 1);
  const projectCount = options.projects ?? Math.max(1, Math.min(60, Math.ceil(options.epics / 100)));
  const objectiveCount = options.objectives ?? 8;

  const objectives = Array.from({ length: objectiveCount }, (_, index) => ({
    id: `OBJ-${String(index + 1)}`,
    name: OBJECTIVE_NAMES[index % OBJECTIVE_NAMES.length] ?? 'Objective',
    status: objectiveCount >= 3 && index === objectiveCount - 1 ? ('archived' as const) : ('active' as const),
    weight: random.integer(1, 10),
  }));

  // Programmes are parent issues in a portfolio project; each groups about 25 epics, mostly of
  // one project. About one epic in ten has no parent.
  const programmesPerProject = Math.max(1, Math.round(options.epics / projectCount / 25));
  const nextIssueNumber = new Map<string, number>();
  const epics = Array.from({ length: options.epics }, (_, index) => {
    // Epics come grouped by project, in key order, as an export lists them.
    const projectIndex = Math.floor((index * projectCount) / options.epics);
    const project = projectKeyOf(projectIndex);
    const issueNumber = (nextIssueNumber.get(project) ?? 0) + 1;
    nextIssueNumber.set(project, issueNumber);
    const programmeNumber = projectIndex * programmesPerProject + random.integer(1, programmesPerProject);
    const programme = random.next() < 0.1 ? null : `PRG-${String(programmeNumber)}`;
    return generateEpic({
      random,
      key: `${project}-${String(issueNumber)}`,
      project,
      programme,
      horizon: { first, last, dataThrough },
      objectives,
    });
  });

  return {
    format: 'value-layer.portfolio',
    version: 1,
    settings: { currency: options.currency ?? 'EUR', discountRate: options.discountRate ?? 0.08 },
    objectives,
    epics,
  };
}
