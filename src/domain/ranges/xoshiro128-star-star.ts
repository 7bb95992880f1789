/**
 * xoshiro128** 1.1, the 32-bit all-purpose generator of David Blackman and Sebastiano Vigna
 * (public domain), transcribed from the reference C code at
 * https://prng.di.unimi.it/xoshiro128starstar.c. The simulation uses it instead of
 * Math.random so that the same seed always gives the same draws, in any JavaScript engine.
 *
 * The state is four 32-bit words that must not all be zero; `seededXoshiro128StarStar` fills
 * them from a 32-bit seed.
 *
 * Version 1.1 of the reference code scrambles s[1]; version 1.0 scrambled s[0]; the state
 * transition is the same in both. The tests check the transition against the published vectors
 * of rand_xoshiro (https://github.com/rust-random/rngs, rand_xoshiro/src/xoshiro128starstar.rs,
 * produced with the 1.0 reference code) and the 1.1 output by hand.
 */
export class Xoshiro128StarStar {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((word) => word >>> 0) as [
      number,
      number,
      number,
      number,
    ];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) {
      // The all-zero state is the generator's one fixed point: it would return 0 for ever.
      this.s3 = 1;
    }
  }

  /** The four state words, as unsigned integers. */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** The next output: an integer in [0, 2^32). */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  /**
   * Fills `target` with the next `target.length` uniforms, exactly as that many `nextUnit()`
   * calls would, with the state held in locals: the simulation's hot path.
   */
  fillUnits(target: Float64Array): void {
    let { s0, s1, s2, s3 } = this;
    for (let index = 0; index < target.length; index += 1) {
      const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotateLeft(s3, 11);
      target[index] = result / 4_294_967_296;
    }
    Object.assign(this, { s0, s1, s2, s3 });
  }

  /** A uniform number in [0, 1) with 32 random bits: `nextUint32() / 2^32`. */
  nextUnit(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /**
   * Moves the state on by `steps` outputs at once, exactly as `steps` calls of `nextUint32` would,
   * so that one stream can be split where the outputs before a point leave it. (The range
   * simulation no longer needs it: each epic has its own stream per chunk of draws.)
   *
   * The transition is linear over GF(2): the next state is T × state for a fixed 128 × 128 bit
   * matrix T. The state after n steps is T^n × state, and T^n is built by repeated squaring: about
   * 2 log2(n) products of 128 × 128 bit matrices, some 10^5 word operations each, instead of n steps.
   */
  advance(steps: bigint): void {
    if (steps < 0n) throw new RangeError('Expected a number of steps of 0 or more.');
    if (steps === 0n) return;
    let power = transitionMatrix();
    let state = this.stateWords();
    for (let rest = steps; rest > 0n; rest >>= 1n) {
      if ((rest & 1n) === 1n) state = applyMatrix(power, state);
      if (rest > 1n) power = composeMatrices(power, power);
    }
    [this.s0, this.s1, this.s2, this.s3] = [state[0] ?? 0, state[1] ?? 0, state[2] ?? 0, state[3] ?? 0];
  }

  private stateWords(): Uint32Array {
    return Uint32Array.of(this.s0, this.s1, this.s2, this.s3);
  }
}

/** A linear map on 128-bit states: column i (words 4i .. 4i + 3) is the image of bit i. */
type BitMatrix = Uint32Array;

/** The matrix T of one step: each column is one step applied to a state with a single bit set. */
function transitionMatrix(): BitMatrix {
  const matrix = new Uint32Array(128 * 4);
  for (let bit = 0; bit < 128; bit += 1) {
    const state: [number, number, number, number] = [0, 0, 0, 0];
    state[bit >>> 5] = 2 ** (bit & 31);
    // A single-bit state is never the all-zero one, which the constructor would change.
    const generator = new Xoshiro128StarStar(state);
    generator.nextUint32();
    matrix.set(generator.state(), bit * 4);
  }
  return matrix;
}

/** M × v: the XOR of the columns of M whose bit is set in v. */
function applyMatrix(matrix: BitMatrix, vector: Uint32Array): Uint32Array {
  const result = new Uint32Array(4);
  for (let bit = 0; bit < 128; bit += 1) {
    if ((((vector[bit >>> 5] ?? 0) >>> (bit & 31)) & 1) === 0) continue;
    const at = bit * 4;
    result[0] = (result[0] ?? 0) ^ (matrix[at] ?? 0);
    result[1] = (result[1] ?? 0) ^ (matrix[at + 1] ?? 0);
    result[2] = (result[2] ?? 0) ^ (matrix[at + 2] ?? 0);
    result[3] = (result[3] ?? 0) ^ (matrix[at + 3] ?? 0);
  }
  return result;
}

/** A × B, the map "B then A": column i of the product is A applied to column i of B. */
function composeMatrices(a: BitMatrix, b: BitMatrix): BitMatrix {
  const product = new Uint32Array(128 * 4);
  for (let bit = 0; bit < 128; bit += 1) {
    product.set(applyMatrix(a, b.subarray(bit * 4, bit * 4 + 4)), bit * 4);
  }
  return product;
}

/** The ** scrambler: rotl(x x 5, 7) x 9, on 32-bit words. */
export function starStar(word: number): number {
  return Math.imul(rotateLeft(Math.imul(word, 5), 7), 9) >>> 0;
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/**
 * MurmurHash3's 32-bit finaliser (Austin Appleby, public domain): a bijection on 32-bit words
 * that spreads every input bit over the output.
 */
export function mix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85eb_ca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2_ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A generator seeded from one 32-bit seed: its four state words are `mix32` of four consecutive
 * steps of a Weyl sequence (seed + k x 0x9e3779b9). `mix32` is a bijection and the four steps
 * differ, so at most one word can be zero and the state is never all zero.
 */
export function seededXoshiro128StarStar(seed: number): Xoshiro128StarStar {
  const golden = 0x9e37_79b9;
  const word = (k: number) => mix32((seed + Math.imul(golden, k)) >>> 0);
  return new Xoshiro128StarStar([word(1), word(2), word(3), word(4)]);
}
