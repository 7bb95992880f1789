/**
 * The draw kernel (draw-kernel.wat) as range-draws.ts uses it: compiled once per process, and
 * per model one instance whose memory holds the model's epics and benefits in the records the
 * kernel reads, after its scratch regions. The offsets here must match the .wat's.
 */
import { DRAW_KERNEL_WASM } from './draw-kernel-wasm';
import * as layout from './range-model';
import type { CompiledModel, RangeModel } from './range-model';

const { DRAW_CHUNK, LANES, METRICS, TRIANGLE_FIELDS, groupSlots } = layout;
const { TRI_LOW, TRI_HIGH, TRI_SPLIT, TRI_LOW_AREA, TRI_HIGH_AREA, TRI_POINT, TWO_TO_31 } = layout;

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
    state: number,
    masks: number,
    successes: number,
  ) => void;
  readonly drawEpic: (e: number, steps: number, opens: number) => void;
  readonly addScaled: (into: number, from: number, weight: number, pairs: number) => void;
}

let kernelModule: WebAssembly.Module | null = null;

/** A model's kernel, laid out once and kept while the model lives: blocks of one model reuse it. */
const kernelsByModel = new WeakMap<RangeModel, KernelMemory>();

/** The kernel of `rangeModel`, its model laid out in the kernel's memory (once per model). */
export function kernelFor(rangeModel: RangeModel): KernelMemory {
  let memory = kernelsByModel.get(rangeModel);
  if (memory === undefined) {
    memory = loadKernel(rangeModel.compiled, rangeModel.correlation, rangeModel.scopeIds.length);
    kernelsByModel.set(rangeModel, memory);
  }
  return memory;
}

/** The kernel compiled once per process (2 KB of WebAssembly); one instance per model (`kernelFor`). */
function instantiateKernel(): DrawKernel {
  kernelModule ??= new WebAssembly.Module(Uint8Array.from(atob(DRAW_KERNEL_WASM), (c) => c.charCodeAt(0)));
  return new WebAssembly.Instance(kernelModule, {}).exports as unknown as DrawKernel;
}

/** Where the kernel's regions start in its memory (bytes), and views over it. */
export interface KernelMemory {
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
  const stateAt = (mostVariables + 1) * steps * LANE_BYTES;
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
