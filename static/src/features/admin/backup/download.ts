/**
 * Saves a file through a Blob URL and a temporary link: a Custom UI iframe may download
 * (Forge's sandbox allows it) but cannot navigate the page. Returns the URL; revoke it when done.
 */
export function saveFile(blob: Blob, filename: string): string {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  return url;
}
