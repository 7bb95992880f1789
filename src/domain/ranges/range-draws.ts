import { DomainInvariantError } from '../assert';
import { roundHalfEven as roundHalfEvenExport } from '../money/round-half-even';
import { kernelFor, type KernelMemory } from './draw-kernel';
import * as layout from './range-model';
import type { CompiledModel, DrawBlock, RangeModel, ScopeDraws } from './range-model';
import { mix32 as mix32Export } from './xoshiro128-star-star';

// Copied into module constants once: as tsx and ts-jest compile to CommonJS, every use of an
// imported binding is a call of its export getter, which in the hot loop cost more than the draw.
const { BENEFIT, CHUNKS_PER_STREAM, COST, DRAW_CHUNK, LANES, METRICS, NPV, TARGET } = layout;
const { GROUP_NPV, GROUP_COST, GROUP_BENEFIT } = layout;
const mix32 = mix32Export;
const roundToEven = roundHalfEvenExport;

/**
 * The draws of `block` of a compiled simulation (see `simulateRangeDraws`).
 *
 * Random streams. Draws are grouped in chunks of DRAW_CHUNK (chunk c holds draws 1,024c ..
 * 1,024c + 1,023). Stream k of chunk c is drawn by LANES xoshiro128** generators side by side,
 * lane i drawing the chunk's draws d ≡ i (mod 4); lane i's four state words are
 * fmix32(fmix32((k × 1,024 + c) × 4 + i) xor w_j), w_j the seed's four words (`streamSeedWords`);
 * each map is a bijection, so no two (stream, chunk, lane) triples share a state. Stream 0 gives
 * the chunk's common shock (three outputs per draw: success, cost, benefit); stream 1 + i epic i's
 * own outputs, as many per draw as it needs: a coin when 0 < correlation < 1; unless it always
 * follows the shock, one for success, one for the cost multiple (when its cost is spread and
 * planned) and one per spread benefit. A draw's numbers depend only on the seed, the epic's input
 * index and the draws before it in its lane, so a block starting mid-chunk draws the chunk from
 * its start and keeps its own draws, and blocks joined end to end equal the whole simulation.
 *
 * Work is epic-major within a chunk: one epic's draws in the WebAssembly kernel
 * (draw-kernel.wat: four lanes of i32x4, the triangular multiples in f32x4, sums in f64x2), added to its group's
 * per-draw sums, then the group's sums to its scopes, so that no draws × epics matrix is held.
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
  const memory = kernelFor(rangeModel);
  const { sums } = memory;
  const seedWords = streamSeedWords(rangeModel.seed);
  const end = block.first + block.count;
  for (let chunk = Math.floor(block.first / DRAW_CHUNK); chunk * DRAW_CHUNK < end; chunk += 1) {
    const start = chunk * DRAW_CHUNK;
    const drawn = Math.min(DRAW_CHUNK, end - start);
    const steps = Math.ceil(drawn / LANES);
    drawCommonShock(memory, seedWords, chunk, steps);
    resetSums(model, sums, scopeIds.length);
    for (let g = 0; g < model.groupCount; g += 1) {
      const opener = model.groupStart[g] ?? 0;
      const last = model.groupStart[g + 1] ?? 0;
      // The group's first epic writes its sums; when it has no benefit to write, they start at 0.
      if ((model.benefitStart[opener + 1] ?? 0) === (model.benefitStart[opener] ?? 0)) {
        clearBenefitSums(model, memory.group, steps * LANES);
      }
      for (let e = opener; e < last; e += 1) {
        seedLanes(memory, seedWords, model.streamIndex[e] ?? 0, chunk);
        memory.kernel.drawEpic(e, steps, e === opener ? 1 : 0);
      }
      addGroupToScopes(model, memory, g, steps);
    }
    writeChunk(out, sums, Math.max(start, block.first) - start, drawn, start - block.first);
  }
  return out;
}

/** The seed's four state words, before a stream key is mixed in: fmix32 of a Weyl sequence. */
export function streamSeedWords(seed: number): Int32Array {
  const golden = 0x9e37_79b9;
  return Int32Array.from([1, 2, 3, 4], (k) => mix32((seed + Math.imul(golden, k)) >>> 0));
}

/** Writes the state of stream `stream`'s four lane generators for `chunk` to the kernel's STATE. */
function seedLanes(memory: KernelMemory, seedWords: Int32Array, stream: number, chunk: number): void {
  const { words } = memory;
  const at = memory.stateAt / 4;
  for (let lane = 0; lane < LANES; lane += 1) {
    const key = mix32(((stream * CHUNKS_PER_STREAM + chunk) * LANES + lane) >>> 0);
    for (let word = 0; word < 4; word += 1) {
      words[at + word * LANES + lane] = mix32((key ^ (seedWords[word] ?? 0)) >>> 0);
    }
  }
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

/**
 * Fills the chunk's common shock (stream 0) in the kernel's memory for its first `steps` × 4
 * draws: each lane's generator gives three outputs per draw, success, cost and benefit.
 */
function drawCommonShock(memory: KernelMemory, seedWords: Int32Array, chunk: number, steps: number): void {
  const { words } = memory;
  const success = memory.commonAt / 4;
  for (let lane = 0; lane < LANES; lane += 1) {
    const key = mix32((chunk * LANES + lane) >>> 0);
    let s0 = mix32((key ^ (seedWords[0] ?? 0)) >>> 0) | 0;
    let s1 = mix32((key ^ (seedWords[1] ?? 0)) >>> 0) | 0;
    let s2 = mix32((key ^ (seedWords[2] ?? 0)) >>> 0) | 0;
    let s3 = mix32((key ^ (seedWords[3] ?? 0)) >>> 0) | 0;
    for (let d = lane; d < steps * LANES; d += LANES) {
      for (let which = 0; which < 3; which += 1) {
        // xoshiro128** 1.1, as in Xoshiro128StarStar.nextUint32, on locals.
        const x = Math.imul(s1, 5);
        words[success + which * DRAW_CHUNK + d] = Math.imul((x << 7) | (x >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
      }
    }
  }
}

/** Sets the group's benefit sums (each horizon) of the chunk's first `drawn` draws to 0. */
function clearBenefitSums(model: CompiledModel, group: Float64Array, drawn: number): void {
  for (let h = 0; h < model.horizons; h += 1) {
    const at = (GROUP_BENEFIT + h) * DRAW_CHUNK;
    group.fill(0, at, at + drawn);
  }
}

/**
 * Adds the group's sums of the chunk's first `steps` × 4 draws, weighted, into the per-draw sums
 * of each of its scopes (in the kernel, two draws at a time).
 */
function addGroupToScopes(model: CompiledModel, memory: KernelMemory, g: number, steps: number): void {
  const { kernel, groupAt, sumsAt } = memory;
  const slotBytes = DRAW_CHUNK * 8;
  const pairs = (steps * LANES) / 2;
  const last = model.groupMemberStart[g + 1] ?? 0;
  for (let m = model.groupMemberStart[g] ?? 0; m < last; m += 1) {
    const s = model.memberScope[m] ?? 0;
    const weight = model.memberWeight[m] ?? 0;
    const scopeAt = sumsAt + s * METRICS * slotBytes;
    kernel.addScaled(scopeAt + NPV * slotBytes, groupAt + GROUP_NPV * slotBytes, weight, pairs);
    kernel.addScaled(scopeAt + BENEFIT * slotBytes, groupAt + GROUP_BENEFIT * slotBytes, weight, pairs);
    kernel.addScaled(scopeAt + COST * slotBytes, groupAt + GROUP_COST * slotBytes, weight, pairs);
    const target = model.scopeTargetHorizon[s] ?? -1;
    if (target >= 0) {
      kernel.addScaled(
        scopeAt + TARGET * slotBytes,
        groupAt + (GROUP_BENEFIT + target) * slotBytes,
        weight,
        pairs,
      );
    }
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
