/**
 * Saves text as a file through a Blob URL and a temporary link, the one download path that works
 * inside a sandboxed Custom UI iframe without a server round trip.
 */
export function downloadText({
  filename,
  mimeType,
  parts,
}: {
  filename: string;
  mimeType: string;
  /** The file's text, in parts that are joined as they are. */
  parts: readonly string[];
}): void {
  const url = URL.createObjectURL(new Blob([...parts], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
