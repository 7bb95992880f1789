/**
 * Lists a zip file's entries with their stored (compressed) and original sizes, from its central
 * directory (PKWARE APPNOTE §4.3.12 and §4.3.16), so that a size report can say what each file
 * costs inside the real archive. Plain zip only: an archive that needs zip64 is refused.
 */
export interface ZipEntry {
  readonly name: string;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

function endOfCentralDirectoryOffset(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let offset = zip.length - END_RECORD_BYTES; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('not a zip file: no end of central directory record');
}

export function zipEntries(zip: Buffer): ZipEntry[] {
  const end = endOfCentralDirectoryOffset(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER)
      throw new Error(`bad central directory entry ${index}`);
    const nameBytes = zip.readUInt16LE(offset + 28);
    const extraBytes = zip.readUInt16LE(offset + 30);
    const commentBytes = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameBytes),
      compressedBytes: zip.readUInt32LE(offset + 20),
      uncompressedBytes: zip.readUInt32LE(offset + 24),
    });
    offset += 46 + nameBytes + extraBytes + commentBytes;
  }
  return entries;
}
