/**
 * Saves a file through a Blob URL and a temporary link: a Custom UI iframe may download (Forge's
 * sandbox allows it) but cannot navigate the page. Text comes in parts, joined as they are, so a
 * large export is never one huge string. The link's URL is revoked after a while, unless the caller
 * keeps it (to offer the same file again) and revokes it itself.
 */
export function downloadFile({
  filename,
  mimeType,
  parts,
  keepUrl = false,
}: {
  filename: string;
  mimeType: string;
  parts: readonly BlobPart[];
  keepUrl?: boolean;
}): { url: string; bytes: number } {
  const blob = new Blob([...parts], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  if (!keepUrl) {
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 10_000);
  }
  return { url, bytes: blob.size };
}
