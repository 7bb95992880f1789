/** FNV-1a over UTF-16 code units: a fast, stable (across runs and machines) string hash. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A deterministic 24-hex-digit id shaped like an Atlassian account id, derived from `seed`. */
export function accountIdFrom(seed: string): string {
  let out = '';
  for (let round = 0; out.length < 24; round++)
    out += fnv1a(`${seed}#${String(round)}`)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, 24);
}
