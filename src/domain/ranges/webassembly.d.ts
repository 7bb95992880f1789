/**
 * The part of the WebAssembly JavaScript API the draw kernel uses
 * (https://webassembly.github.io/spec/js-api/): Node.js has it, but the `node` types of our
 * pinned @types/node do not declare it, and the DOM library would declare far more than a
 * Forge function has.
 */
declare namespace WebAssembly {
  // A compiled module is opaque: the API gives it no members that the kernel needs.
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: object);
    readonly exports: object;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
}
