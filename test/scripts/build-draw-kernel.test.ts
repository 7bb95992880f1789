import { readFileSync } from 'node:fs';
import { KERNEL_MODULE, KERNEL_SOURCE, kernelModuleSource } from '../../scripts/build-draw-kernel';

describe(kernelModuleSource.name, () => {
  it('returns, from the committed draw-kernel.wat, exactly the committed draw-kernel-wasm.ts', async () => {
    expect(await kernelModuleSource(readFileSync(KERNEL_SOURCE, 'utf8'))).toBe(
      readFileSync(KERNEL_MODULE, 'utf8'),
    );
  });

  it('refuses a kernel that does not validate, naming the line', async () => {
    await expect(kernelModuleSource('(module (func (result i32) f64.const 1))')).rejects.toThrow(
      /draw-kernel\.wat:1/,
    );
  });
});
