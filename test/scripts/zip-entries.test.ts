import AdmZip from 'adm-zip';
import { zipEntries } from '../../scripts/lib/zip-entries';

/** A zip written by another library (adm-zip, which @forge/cli-shared ships), read back by ours. */
function zipOf(files: Record<string, string>, comment = ''): Buffer {
  const zip = new AdmZip();
  for (const [name, content] of Object.entries(files)) zip.addFile(name, Buffer.from(content));
  zip.addZipComment(comment);
  return zip.toBuffer();
}

describe('zipEntries', () => {
  it('returns each entry with its original size and its size inside the zip', () => {
    const repetitive = 'export const x = 1;\n'.repeat(1_000);
    const zip = zipOf({ 'index.cjs': repetitive, 'dir/runtime.json': '{"version":"local"}' });

    const entries = zipEntries(zip);

    expect(entries.map((entry) => [entry.name, entry.uncompressedBytes])).toEqual([
      ['dir/runtime.json', 19],
      ['index.cjs', repetitive.length],
    ]);
    expect(entries[1]?.compressedBytes).toBeLessThan(repetitive.length / 10);
  });

  it('finds the central directory behind an archive comment', () => {
    const zip = zipOf({ 'a.txt': 'a' }, 'built by a test');

    expect(zipEntries(zip).map((entry) => entry.name)).toEqual(['a.txt']);
  });

  it('rejects bytes that are not a zip file', () => {
    expect(() => zipEntries(Buffer.from('not a zip at all, just some text'))).toThrow(/not a zip file/);
  });
});
