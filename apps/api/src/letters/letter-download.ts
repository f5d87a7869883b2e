/**
 * The HTTP headers of a letter's PDF: pure functions of what the letter row
 * holds (its SHA-256, the application's reference number, its kind).
 */

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A strong entity tag: the PDF never changes once ready, so its digest names it. */
export function letterEtag(sha256: string): string {
  return `"${assertSha256(sha256)}"`;
}

/** RFC 9530 `Repr-Digest`: the digest as a byte sequence (base64 between colons). */
export function reprDigest(sha256: string): string {
  return `sha-256=:${Buffer.from(assertSha256(sha256), 'hex').toString('base64')}:`;
}

/**
 * `attachment; filename="INT-2027-0001-approval.pdf"`. Only letters, digits,
 * dot, dash and underscore survive, so the value needs no escaping, cannot
 * carry quotes, separators or path parts, and is the same in every browser.
 */
export function letterContentDisposition(referenceNumber: string | null, kind: string, fallback: string): string {
  const base = asciiSafe(`${referenceNumber || fallback}-${kind}`) || 'letter';
  return `attachment; filename="${base}.pdf"`;
}

/**
 * RFC 9110 §13.1.2: does `If-None-Match` name this entity tag? Weak comparison
 * (`W/"x"` matches `"x"`); `*` matches any current representation.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const wanted = opaque(etag);
  for (const candidate of header.match(/(?:W\/)?"[^"]*"/g) ?? []) {
    if (opaque(candidate) === wanted) return true;
  }
  return false;
}

function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

function asciiSafe(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
}

function assertSha256(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a lower-case hex SHA-256: ${sha256}`);
  return sha256;
}
