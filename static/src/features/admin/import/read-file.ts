import { IMPORT_CHUNK_MAX_BYTES, IMPORT_FILE_MAX_BYTES } from '../../../../../src/contract/import-limits';

/**
 * Forge's bridge carries at most 500 KB from the page to a resolver in one `invoke`, so a file is
 * uploaded in parts, each well under it; beyond this size a file is refused before it is read.
 */
export const READ_LIMIT_BYTES = IMPORT_FILE_MAX_BYTES;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${String(Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads a file as text, reporting the share read so far (0 to 1). */
export function readText(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onload = () => {
      onProgress(1);
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('the browser could not read it'));
    };
    reader.readAsText(file);
  });
}

/** UTF-8 length, counted (not encoded: cheaper, and TextEncoder is not everywhere the page is tested). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The size of a part as it crosses the bridge: a JSON string, with its escapes, in UTF-8. */
export function partBytes(chunk: string): number {
  return utf8Length(JSON.stringify(chunk));
}

/**
 * Cuts text into parts of at most `maxBytes` each as a JSON string (quotes and backslashes are
 * escaped, non-ASCII takes several bytes), never between the two halves of a surrogate pair.
 */
export function splitForUpload(text: string, maxBytes = IMPORT_CHUNK_MAX_BYTES): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let length = Math.min(text.length - start, Math.floor(maxBytes * 0.7));
    for (;;) {
      let end = start + length;
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
      const bytes = partBytes(text.slice(start, end));
      if (bytes <= maxBytes) {
        length = end - start;
        break;
      }
      length = Math.max(1, Math.floor(((end - start) * maxBytes * 0.95) / bytes));
    }
    parts.push(text.slice(start, start + length));
    start += length;
  }
  return parts;
}
