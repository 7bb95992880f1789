/**
 * Forge's bridge carries at most 500 KB from the page to a resolver in one `invoke` (the local
 * runtime enforces the same number: 500 x 1024 bytes of JSON).
 */
export const INVOKE_LIMIT_BYTES = 500 * 1024;

/** Files far beyond the limit are refused before they are read: no whitespace makes them fit. */
export const READ_LIMIT_BYTES = 20 * 1024 * 1024;

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

/** The size of the payload as it crosses the bridge: compact JSON, whatever the file's layout. */
export function payloadBytes(document: unknown): number {
  return new Blob([JSON.stringify({ document })]).size;
}
