import { DomainInvariantError } from '../assert';
import { roundHalfEven as roundHalfEvenExport } from '../money/round-half-even';
import { DRAW_KERNEL_WASM } from './draw-kernel-wasm';
import * as layout from './range-model';
import type { CompiledModel, DrawBlock, RangeModel, ScopeDraws } from './range-model';
import { mix32 as mix32Export } from './xoshiro128-star-star';

// Copied into module constants once: as tsx and ts-jest compile to CommonJS, every use of an
// imported binding is a call of its export getter, which in the hot loop cost more than the draw.
const { BENEFIT, CHUNKS_PER_STREAM, COST, DRAW_CHUNK, LANES, METRICS, NPV, TARGET, TRIANGLE_FIELDS } = layout;
const { TRI_LOW, TRI_HIGH, TRI_SPLIT, TRI_LOW_AREA, TRI_HIGH_AREA, TRI_POINT, TWO_TO_31 } = layout;
const { GROUP_NPV, GROUP_COST, GROUP_BENEFIT } = layout;
const groupSlots = layout.groupSlots;
const mix32 = mix32Export;
const roundToEven = roundHalfEvenExport;

/** Bytes of one output of the four lanes, and the kernel's records (see draw-kernel.wat). */
const LANE_BYTES = 16;
const EPIC_BYTES = 80;
const BENEFIT_BYTES = 48;
const WASM_PAGE = 65_536;

/** The kernel's exports (draw-kernel.wat). */
interface DrawKernel {
  readonly memory: WebAssembly.Memory;
  readonly layout: (
    common: number,
    group: number,
    epics: number,
    benefits: number,
    byHorizon: number,
    horizons: number,
    shockMode: number,
    coinThreshold: number,
    selected: number,
    state: number,
    masks: number,
    successes: number,
  ) => void;
  readonly drawEpic: (e: number, steps: number) => void;
  readonly addScaled: (into: number, from: number, weight: number, pairs: number) => void;
}

let kernelModule: WebAssembly.Module | null = null;

/** A model's kernel, laid out once and kept while the model lives: blocks of one model reuse it. */
const kernelsByModel = new WeakMap<RangeModel, KernelMemory>();

/** The kernel compiled once per process (1.3 KB of WebAssembly), instantiated once per block. */
function instantiateKernel(): DrawKernel {
  kernelModule ??= new WebAssembly.Module(Uint8Array.from(atob(DRAW_KERNEL_WASM), (c) => c.charCodeAt(0)));
  return new WebAssembly.Instance(kernelModule, {}).exports as unknown as DrawKernel;
}

/** Where the kernel's regions start in its memory (bytes), and views over it. */
interface KernelMemory {
  readonly kernel: DrawKernel;
  readonly stateAt: number;
  readonly commonAt: number;
  readonly groupAt: number;
  readonly sumsAt: number;
  /** The group's per-draw sums: slot k at `k * DRAW_CHUNK + d`. */
  readonly group: Float64Array;
  /** Per scope and metric, per draw: at `(s * METRICS + metric) * DRAW_CHUNK + d`. */
  readonly sums: Float64Array;
  readonly words: Int32Array;
}

/**
 * Lays the compiled model out in a kernel's memory: the epic and benefit records of
 * draw-kernel.wat, after the scratch regions, the generators' state, the common shock and the
 * group's sums.
 */
function loadKernel(model: CompiledModel, correlation: number, scopeCount: number): KernelMemory {
  const kernel = instantiateKernel();
  const { epicCount, benefitStart, horizons } = model;
  const benefitCount = model.benefitPv.length;
  const spreadOf = (triangles: Float64Array, at: number) =>
    (triangles[at * TRIANGLE_FIELDS + TRI_HIGH] ?? 0) > (triangles[at * TRIANGLE_FIELDS + TRI_LOW] ?? 0);
  let mostVariables = 2;
  const spreadCount = new Int32Array(epicCount);
  for (let e = 0; e < epicCount; e += 1) {
    for (let b = benefitStart[e] ?? 0; b < (benefitStart[e + 1] ?? 0); b += 1) {
      if (spreadOf(model.benefitTriangle, b)) spreadCount[e] = (spreadCount[e] ?? 0) + 1;
    }
    mostVariables = Math.max(mostVariables, 2 + (spreadCount[e] ?? 0));
  }
  const steps = DRAW_CHUNK / LANES;
  const selectedAt = (mostVariables + 1) * steps * LANE_BYTES;
  const stateAt = selectedAt + LANE_BYTES;
  const masksAt = stateAt + 4 * LANE_BYTES;
  const successesAt = masksAt + steps * LANE_BYTES;
  const commonAt = successesAt + steps * LANE_BYTES;
  const groupAt = commonAt + 3 * DRAW_CHUNK * 4;
  const sumsAt = groupAt + groupSlots(horizons) * DRAW_CHUNK * 8;
  const epicsAt = sumsAt + scopeCount * METRICS * DRAW_CHUNK * 8;
  const benefitsAt = epicsAt + epicCount * EPIC_BYTES;
  const byHorizonAt = benefitsAt + benefitCount * BENEFIT_BYTES;
  const end = byHorizonAt + benefitCount * horizons * 8;
  kernel.memory.grow(Math.max(0, Math.ceil(end / WASM_PAGE) - kernel.memory.buffer.byteLength / WASM_PAGE));
  const { buffer } = kernel.memory;
  const numbers = new Float64Array(buffer);
  const singles = new Float32Array(buffer);
  const words = new Int32Array(buffer);
  const putTriangle = (at: number, triangles: Float64Array, index: number) => {
    const from = index * TRIANGLE_FIELDS;
    singles[at] = triangles[from + TRI_LOW] ?? 0;
    singles[at + 1] = triangles[from + TRI_HIGH] ?? 0;
    singles[at + 2] = triangles[from + TRI_SPLIT] ?? 0;
    singles[at + 3] = triangles[from + TRI_LOW_AREA] ?? 0;
    singles[at + 4] = triangles[from + TRI_HIGH_AREA] ?? 0;
  };
  for (let e = 0; e < epicCount; e += 1) {
    const at = epicsAt + e * EPIC_BYTES;
    const futureCost = model.futureCost[e] ?? 0;
    numbers[at / 8] = futureCost;
    numbers[at / 8 + 1] = model.futureCostPv[e] ?? 0;
    numbers[at / 8 + 2] = model.costTriangle[e * TRIANGLE_FIELDS + TRI_POINT] ?? 1;
    putTriangle((at + 24) / 4, model.costTriangle, e);
    // ⌈p × 2^31⌉ is at most 2^31: stored as its 32 bits, which the kernel compares unsigned.
    words[(at + 48) / 4] = model.successThreshold[e] ?? 0;
    words[(at + 52) / 4] = spreadOf(model.costTriangle, e) && futureCost !== 0 ? 1 : 0;
    words[(at + 56) / 4] = benefitStart[e] ?? 0;
    words[(at + 60) / 4] = benefitStart[e + 1] ?? 0;
    words[(at + 64) / 4] = spreadCount[e] ?? 0;
  }
  for (let b = 0; b < benefitCount; b += 1) {
    const at = benefitsAt + b * BENEFIT_BYTES;
    numbers[at / 8] = model.benefitPv[b] ?? 0;
    numbers[at / 8 + 1] = model.benefitTriangle[b * TRIANGLE_FIELDS + TRI_POINT] ?? 1;
    putTriangle((at + 16) / 4, model.benefitTriangle, b);
    words[(at + 36) / 4] = spreadOf(model.benefitTriangle, b) ? 1 : 0;
  }
  numbers.set(model.benefitByHorizon, byHorizonAt / 8);
  const commonShare = Math.sqrt(correlation);
  const shockMode = commonShare <= 0 ? 0 : commonShare >= 1 ? 2 : 1;
  kernel.layout(
    commonAt,
    groupAt,
    epicsAt,
    benefitsAt,
    byHorizonAt,
    horizons,
    shockMode,
    Math.ceil(commonShare * TWO_TO_31) | 0,
    selectedAt,
    stateAt,
    masksAt,
    successesAt,
  );
  return {
    kernel,
    stateAt,
    commonAt,
    groupAt,
    sumsAt,
    group: new Float64Array(buffer, groupAt, groupSlots(horizons) * DRAW_CHUNK),
    sums: new Float64Array(buffer, sumsAt, scopeCount * METRICS * DRAW_CHUNK),
    words,
  };
}

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
 * (draw-kernel.wat: four lanes of i32x4, the triangular draws in f64x2), added to its group's
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
  let memory = kernelsByModel.get(rangeModel);
  if (memory === undefined) {
    memory = loadKernel(model, rangeModel.correlation, scopeIds.length);
    kernelsByModel.set(rangeModel, memory);
  }
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
      startGroup(model, memory.group, g, steps * LANES);
      const last = model.groupStart[g + 1] ?? 0;
      for (let e = model.groupStart[g] ?? 0; e < last; e += 1) {
        seedLanes(memory, seedWords, model.streamIndex[e] ?? 0, chunk);
        memory.kernel.drawEpic(e, steps);
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

/** The group's sums at the start of a chunk: what its epics have in every draw. */
function startGroup(model: CompiledModel, group: Float64Array, g: number, drawn: number): void {
  const slots = groupSlots(model.horizons);
  for (let k = 0; k < slots; k += 1) {
    group.fill(model.groupBase[g * slots + k] ?? 0, k * DRAW_CHUNK, k * DRAW_CHUNK + drawn);
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
