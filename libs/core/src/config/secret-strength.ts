/**
 * Why a JWT signing secret must not sign production tokens, or null when it
 * may: the placeholders of examples and tests, and secrets with too few
 * different characters to be random (a random base64 or hex secret of 32+
 * characters has far more). A heuristic: it catches the copied example, not a
 * clever weak secret — generate one with `openssl rand -base64 48`.
 */
export function jwtSecretWeakness(secret: string): string | null {
  const lower = secret.toLowerCase();
  const placeholder = PLACEHOLDER_WORDS.find((word) => lower.includes(word));
  if (placeholder) return `it contains "${placeholder}", as example and test secrets do`;
  const distinct = new Set(secret).size;
  if (distinct < MIN_DISTINCT_CHARACTERS) return `it has only ${distinct} different characters; a random secret has at least ${MIN_DISTINCT_CHARACTERS}`;
  return null;
}

/** Words that give a copied example, a test secret or a made-up one away. */
const PLACEHOLDER_WORDS = ['change-me', 'changeme', 'change_me', 'example', 'placeholder', 'secret', 'password', 'test', 'default', 'dummy', 'sample'];

/** A random hex secret (16 symbols) passes; `aaaa…` or `abababab…` does not. */
const MIN_DISTINCT_CHARACTERS = 12;
