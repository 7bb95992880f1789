import { DomainInvariantError } from '../assert';
import { roundHalfEven as roundHalfEvenExport } from '../money/round-half-even';
import * as layout from './range-model';
import type { CompiledModel, DrawBlock, RangeModel, ScopeDraws } from './range-model';
import { mix32 as mix32Export } from './xoshiro128-star-star';

// Copied into module constants once: as tsx and ts-jest compile to CommonJS, every use of an
// imported binding is a call of its export getter, which in the hot loop cost more than the draw.
const { BENEFIT, CHUNKS_PER_STREAM, COST, DRAW_CHUNK, METRICS, NPV, TARGET, TRIANGLE_FIELDS } = layout;
const { TRI_SPLIT, TRI_HIGH, TRI_HIGH_AREA, TRI_LOW, TRI_LOW_AREA, TRI_WIDTH, TWO_TO_31 } = layout;
const { GROUP_NPV, GROUP_COST, GROUP_BENEFIT } = layout;
const groupSlots = layout.groupSlots;
const mix32 = mix32Export;
const roundToEven = roundHalfEvenExport;

const TWO_TO_32 = 4_294_967_296;
const UNIT = 1 / TWO_TO_32;

/** Scratch arrays of one chunk, allocated once per block. */
interface ChunkScratch {
  /** Common shock per draw: 32-bit outputs for success, cost and benefit. */
  readonly commonSuccess: Float64Array;
  readonly commonCost: Float64Array;
  readonly commonBenefit: Float64Array;
  /** The current group's sums per draw: slot k (GROUP_NPV, GROUP_COST, ...) at `k * DRAW_CHUNK + d`. */
  readonly group: Float64Array;
  /** Per scope and metric, per draw: at `(s * METRICS + metric) * DRAW_CHUNK + d`. */
  readonly sums: Float64Array;
  /** The four xoshiro128** state words of the seed's streams before the stream key is mixed in. */
  readonly seedWords: Int32Array;
  /** An own uniform decides whether an epic follows the common shock (0 < correlation < 1). */
  readonly coinDrawn: boolean;
  /** Every epic follows the common shock (correlation 1): 1, otherwise 0. */
  readonly alwaysCommon: number;
  /** ⌈√correlation × 2^31⌉: an epic follows the shock when its coin's output >>> 1 is below it. */
  readonly coinThreshold: number;
}

/**
 * The draws of `block` of a compiled simulation (see `simulateRangeDraws`).
 *
 * Random streams. Draws are grouped in chunks of DRAW_CHUNK (chunk c holds draws 256c ..
 * 256c + 255). Stream k of chunk c is a xoshiro128** generator whose four state words are
 * fmix32(fmix32(k × 4,096 + c) xor w_i), w_i the seed's four words (`streamSeedWords`); each map
 * is a bijection, so no two (stream, chunk) pairs share a state. Stream 0 gives the chunk's common
 * shock (three outputs per draw: success, cost, benefit); stream 1 + i epic i's own outputs, as
 * many per draw as it needs: a coin when 0 < correlation < 1; when it does not follow the shock,
 * one for success, one for the cost multiple (when its cost is spread and planned) and, when it
 * succeeds, one per spread benefit. A draw's numbers depend only on the seed, the epic's input
 * index and the draws before it in its chunk, so a block starting mid-chunk draws the chunk from
 * its start and keeps its own draws, and blocks joined end to end equal the whole simulation.
 *
 * Work is epic-major within a chunk: one epic's draws in a tight loop over its own numbers, then
 * added to its scopes' per-draw sums, so that no draws × epics matrix is ever held.
 */
export function drawRangeBlock(rangeModel: RangeModel, block: DrawBlock): ScopeDraws[] {
  const { compiled: model, scopeIds } = rangeModel;
  checkBlock(block, rangeModel.draws);
  const out = scopeIds.map((scopeId, s) => ({
    scopeId,
    npv: new Float64Array(block.count),
    benefitByHorizon: new Float64Array(block.count),
    totalCost: new Float64Array(block.count),
    benefitByTarget: (model.scopeTargetHorizon[s] ?? -1) >= 0 ? new Float64Array(block.count) : null,
  }));
  const commonShare = Math.sqrt(rangeModel.correlation);
  const scratch: ChunkScratch = {
    commonSuccess: new Float64Array(DRAW_CHUNK),
    commonCost: new Float64Array(DRAW_CHUNK),
    commonBenefit: new Float64Array(DRAW_CHUNK),
    group: new Float64Array(DRAW_CHUNK * groupSlots(model.horizons)),
    sums: new Float64Array(scopeIds.length * METRICS * DRAW_CHUNK),
    seedWords: streamSeedWords(rangeModel.seed),
    coinDrawn: commonShare > 0 && commonShare < 1,
    alwaysCommon: commonShare >= 1 ? 1 : 0,
    coinThreshold: Math.ceil(commonShare * TWO_TO_31),
  };
  const end = block.first + block.count;
  for (let chunk = Math.floor(block.first / DRAW_CHUNK); chunk * DRAW_CHUNK < end; chunk += 1) {
    const start = chunk * DRAW_CHUNK;
    const drawn = Math.min(DRAW_CHUNK, end - start);
    drawCommonShock(scratch, chunk, drawn);
    resetSums(model, scratch.sums, scopeIds.length);
    for (let g = 0; g < model.groupCount; g += 1) {
      startGroup(model, scratch.group, g, drawn);
      const last = model.groupStart[g + 1] ?? 0;
      for (let e = model.groupStart[g] ?? 0; e < last; e += 1) drawEpicChunk(model, scratch, e, chunk, drawn);
      addGroupToScopes(model, scratch, g, drawn);
    }
    writeChunk(out, scratch.sums, Math.max(start, block.first) - start, drawn, start - block.first);
  }
  return out;
}

/** The seed's four state words, before a stream key is mixed in: fmix32 of a Weyl sequence. */
export function streamSeedWords(seed: number): Int32Array {
  const golden = 0x9e37_79b9;
  return Int32Array.from([1, 2, 3, 4], (k) => mix32((seed + Math.imul(golden, k)) >>> 0));
}

function checkBlock(block: DrawBlock, draws: number): void {
  if (!(
    Number.isInteger(block.first) &&
    Number.isInteger(block.count) &&
    block.first >= 0 &&
    block.count >= 1 &&
    block.first + block.count <= draws
  )) {
    throw new DomainInvariantError(`Expected a block of whole draws within the ${String(draws)} draws.`);
  }
}

function resetSums(model: CompiledModel, sums: Float64Array, scopeCount: number): void {
  for (let at = 0; at < scopeCount * METRICS; at += 1) {
    sums.fill(model.settledSums[at] ?? 0, at * DRAW_CHUNK, (at + 1) * DRAW_CHUNK);
  }
}

/** Fills the chunk's common shock from stream 0: three outputs per draw. */
function drawCommonShock(scratch: ChunkScratch, chunk: number, drawn: number): void {
  const { commonSuccess, commonCost, commonBenefit, seedWords } = scratch;
  const key = mix32(chunk);
  let s0 = mix32((key ^ (seedWords[0] ?? 0)) >>> 0) | 0;
  let s1 = mix32((key ^ (seedWords[1] ?? 0)) >>> 0) | 0;
  let s2 = mix32((key ^ (seedWords[2] ?? 0)) >>> 0) | 0;
  let s3 = mix32((key ^ (seedWords[3] ?? 0)) >>> 0) | 0;
  for (let d = 0; d < drawn * 3; d += 1) {
    // xoshiro128** 1.1, as in Xoshiro128StarStar.nextUint32, on locals.
    const x = Math.imul(s1, 5);
    const output = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const draw = (d / 3) | 0;
    const which = d - 3 * draw;
    if (which === 0) commonSuccess[draw] = output;
    else if (which === 1) commonCost[draw] = output;
    else commonBenefit[draw] = output;
  }
}

/** The group's sums at the start of a chunk: what its epics have in every draw. */
function startGroup(model: CompiledModel, group: Float64Array, g: number, drawn: number): void {
  const slots = groupSlots(model.horizons);
  for (let k = 0; k < slots; k += 1) {
    group.fill(model.groupBase[g * slots + k] ?? 0, k * DRAW_CHUNK, k * DRAW_CHUNK + drawn);
  }
}

/**
 * One open epic's figures in the chunk's first `drawn` draws, added into its group's sums.
 * The generator's state lives in locals and each output is written out where it is used: this is
 * the simulation's hot loop (about 10^8 epic-draws in a large run). The triangular quantile
 * (`triangularQuantile`) is written out without a branch: side = 1 below the mode (the output's
 * top 31 bits below the range's split), 0 above, and the value is low + √(u × lowArea) or
 * high − √((1 − u) × highArea) by arithmetic on side. Whether an epic follows the
 * shock and whether it succeeds are 0 / 1 numbers, not branches: both are random, and a
 * mispredicted branch costs more than the arithmetic. Every draw of an epic consumes the same
 * outputs: a coin (0 < correlation < 1), then, unless it always follows the shock, one for
 * success, one for the cost multiple (cost spread and planned) and one per spread benefit.
 */
function drawEpicChunk(
  model: CompiledModel,
  scratch: ChunkScratch,
  e: number,
  chunk: number,
  drawn: number,
): void {
  const { commonSuccess, commonCost, commonBenefit, group, seedWords } = scratch;
  const { coinDrawn, alwaysCommon, coinThreshold } = scratch;
  const { costTriangle, benefitTriangle, benefitPv, benefitByHorizon, horizons } = model;
  const key = mix32(((model.streamIndex[e] ?? 0) * CHUNKS_PER_STREAM + chunk) >>> 0);
  let s0 = mix32((key ^ (seedWords[0] ?? 0)) >>> 0) | 0;
  let s1 = mix32((key ^ (seedWords[1] ?? 0)) >>> 0) | 0;
  let s2 = mix32((key ^ (seedWords[2] ?? 0)) >>> 0) | 0;
  let s3 = mix32((key ^ (seedWords[3] ?? 0)) >>> 0) | 0;
  const ownDrawn = alwaysCommon === 0;

  const successThreshold = model.successThreshold[e] ?? 0;
  const futureCost = model.futureCost[e] ?? 0;
  const futureCostPv = model.futureCostPv[e] ?? 0;
  const c = e * TRIANGLE_FIELDS;
  const costDrawn = (costTriangle[c + TRI_WIDTH] ?? 0) > 0 && futureCost !== 0;
  const costPoint = costTriangle[c + TRI_HIGH] ?? 1;
  const costLow = costTriangle[c + TRI_LOW] ?? 1;
  const costSplit = costTriangle[c + TRI_SPLIT] ?? 0;
  const costLowArea = costTriangle[c + TRI_LOW_AREA] ?? 0;
  const costHighArea = costTriangle[c + TRI_HIGH_AREA] ?? 0;
  const firstBenefit = model.benefitStart[e] ?? 0;
  const lastBenefit = model.benefitStart[e + 1] ?? 0;
  const costAt = GROUP_COST * DRAW_CHUNK;
  const benefitAt = GROUP_BENEFIT * DRAW_CHUNK;

  for (let d = 0; d < drawn; d += 1) {
    let common = alwaysCommon;
    if (coinDrawn) {
      const x = Math.imul(s1, 5);
      const output = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      common = ((output >>> 1) - coinThreshold) >>> 31;
    }
    let own = 0;
    if (ownDrawn) {
      const x = Math.imul(s1, 5);
      own = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    // Whole numbers below 2^32: own + common × (shock − own) is exactly one or the other.
    const success = own + common * ((commonSuccess[d] ?? 0) - own);
    const succeeds = ((success >>> 1) - successThreshold) >>> 31;

    let costFactor = costPoint;
    if (costDrawn) {
      own = 0;
      if (ownDrawn) {
        const x = Math.imul(s1, 5);
        own = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
      }
      const output = own + common * ((commonCost[d] ?? 0) - own);
      // `triangular`, written out: a call returning a double boxes it on the heap.
      const side = ((output >>> 1) - costSplit) >>> 31;
      const u = output * UNIT;
      const root = Math.sqrt(side * u * costLowArea + (1 - side) * (1 - u) * costHighArea);
      costFactor = costPoint + side * (costLow - costPoint) + (2 * side - 1) * root;
    }
    let npv = -costFactor * futureCostPv;
    group[costAt + d] = (group[costAt + d] ?? 0) + costFactor * futureCost;
    for (let b = firstBenefit; b < lastBenefit; b += 1) {
      const at = b * TRIANGLE_FIELDS;
      let factor = benefitTriangle[at + TRI_HIGH] ?? 1;
      if ((benefitTriangle[at + TRI_WIDTH] ?? 0) > 0) {
        own = 0;
        if (ownDrawn) {
          const x = Math.imul(s1, 5);
          own = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
          const t = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = (s3 << 11) | (s3 >>> 21);
        }
        const output = own + common * ((commonBenefit[d] ?? 0) - own);
        const side = ((output >>> 1) - (benefitTriangle[at + TRI_SPLIT] ?? 0)) >>> 31;
        const u = output * UNIT;
        const root = Math.sqrt(
          side * u * (benefitTriangle[at + TRI_LOW_AREA] ?? 0) +
            (1 - side) * (1 - u) * (benefitTriangle[at + TRI_HIGH_AREA] ?? 0),
        );
        factor = factor + side * ((benefitTriangle[at + TRI_LOW] ?? 1) - factor) + (2 * side - 1) * root;
      }
      // A failed epic delivers no benefit after as-of: its multiple counts 0.
      const delivered = succeeds * factor;
      npv += delivered * (benefitPv[b] ?? 0);
      for (let h = 0; h < horizons; h += 1) {
        const slot = benefitAt + h * DRAW_CHUNK + d;
        group[slot] = (group[slot] ?? 0) + delivered * (benefitByHorizon[b * horizons + h] ?? 0);
      }
    }
    group[d] = (group[d] ?? 0) + npv;
  }
}

/** Adds the group's chunk sums, weighted, into the per-draw sums of each of its scopes. */
function addGroupToScopes(model: CompiledModel, scratch: ChunkScratch, g: number, drawn: number): void {
  const { group, sums } = scratch;
  const last = model.groupMemberStart[g + 1] ?? 0;
  for (let m = model.groupMemberStart[g] ?? 0; m < last; m += 1) {
    const s = model.memberScope[m] ?? 0;
    const weight = model.memberWeight[m] ?? 0;
    const base = s * METRICS * DRAW_CHUNK;
    addScaled(sums, base + NPV * DRAW_CHUNK, group, GROUP_NPV * DRAW_CHUNK, weight, drawn);
    addScaled(sums, base + BENEFIT * DRAW_CHUNK, group, GROUP_BENEFIT * DRAW_CHUNK, weight, drawn);
    addScaled(sums, base + COST * DRAW_CHUNK, group, GROUP_COST * DRAW_CHUNK, weight, drawn);
    const target = model.scopeTargetHorizon[s] ?? -1;
    if (target >= 0)
      addScaled(
        sums,
        base + TARGET * DRAW_CHUNK,
        group,
        (GROUP_BENEFIT + target) * DRAW_CHUNK,
        weight,
        drawn,
      );
  }
}

function addScaled(
  into: Float64Array,
  intoAt: number,
  from: Float64Array,
  fromAt: number,
  weight: number,
  count: number,
): void {
  for (let d = 0; d < count; d += 1) {
    into[intoAt + d] = (into[intoAt + d] ?? 0) + weight * (from[fromAt + d] ?? 0);
  }
}

/** Rounds the chunk's sums of draws `from .. drawn - 1` to minor units into `out`, from `outAt + from`. */
function writeChunk(
  out: readonly ScopeDraws[],
  sums: Float64Array,
  from: number,
  drawn: number,
  outAt: number,
): void {
  out.forEach((scope, s) => {
    const base = s * METRICS * DRAW_CHUNK;
    const target = scope.benefitByTarget;
    for (let d = from; d < drawn; d += 1) {
      scope.npv[outAt + d] = roundToEven(sums[base + NPV * DRAW_CHUNK + d] ?? 0);
      scope.benefitByHorizon[outAt + d] = roundToEven(sums[base + BENEFIT * DRAW_CHUNK + d] ?? 0);
      scope.totalCost[outAt + d] = roundToEven(sums[base + COST * DRAW_CHUNK + d] ?? 0);
      if (target !== null) target[outAt + d] = roundToEven(sums[base + TARGET * DRAW_CHUNK + d] ?? 0);
    }
  });
}
