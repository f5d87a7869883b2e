import type { OwnerDatabase } from './database';
import type { JsonClient } from './http-client';
import { verifyAuditChain } from './ranking-verify';
import type { AuditVerification } from './run-types';

export interface LettersVerification {
  letters: number;
  approvalLetters: number;
  ready: number;
  failed: number;
  /** Ready letters whose stored sha256 is the SHA-256 of their stored PDF (all are checked). */
  shaMatches: number;
  /** Ready letters whose bytes begin with %PDF-. */
  pdfs: number;
  distinctSha256: number;
  meanPdfBytes: number;
  /** Letters rendered in more than one attempt (a retry after an error). */
  retried: number;
  readyAuditEvents: number;
  /** Letters without exactly one letter.ready audit event. */
  lettersWithoutOneReadyEvent: number;
  outbox: { messages: number; unsent: number };
  audit: AuditVerification;
  problems: string[];
}

const n = (x: string | number | null | undefined): number => Number(x ?? 0);

/**
 * Every letter against its PDF, its audit event and its outbox message (as the owner), and the audit chain (as the admin).
 * `expectedApprovals`: how many of them are approval letters (all unless told; the rest rejection letters).
 */
export async function verifyLetters(
  db: OwnerDatabase,
  client: JsonClient,
  adminToken: string,
  expected: number,
  expectedApprovals = expected,
): Promise<LettersVerification> {
  const [letters]: Record<string, string>[] = await db.query(
    `SELECT COUNT(*) AS letters,
            COUNT(*) FILTER (WHERE kind = 'approval') AS approval,
            COUNT(*) FILTER (WHERE status = 'ready') AS ready,
            COUNT(*) FILTER (WHERE status = 'failed') AS failed,
            COUNT(*) FILTER (WHERE status = 'ready' AND encode(sha256(pdf), 'hex') = sha256) AS sha_matches,
            COUNT(*) FILTER (WHERE status = 'ready' AND substring(pdf FROM 1 FOR 5) = '\\x255044462d'::bytea) AS pdfs,
            COUNT(DISTINCT sha256) AS distinct_sha,
            COALESCE(AVG(octet_length(pdf)), 0) AS mean_bytes,
            COUNT(*) FILTER (WHERE attempts > 1) AS retried
       FROM letter`,
  );
  const [events]: Record<string, string>[] = await db.query(
    `SELECT (SELECT COUNT(*) FROM audit_event WHERE action = 'letter.ready') AS events,
            (SELECT COUNT(*) FROM letter l
              WHERE (SELECT COUNT(*) FROM audit_event e
                      WHERE e.action = 'letter.ready' AND e.entity_type = 'letter' AND e.entity_id = l.id::text) <> 1) AS without_one`,
  );
  const [outbox]: Record<string, string>[] = await db.query(
    "SELECT COUNT(*) AS messages, COUNT(*) FILTER (WHERE sent_at IS NULL) AS unsent FROM outbox_message WHERE topic = 'letter.render'",
  );
  const audit = await verifyAuditChain(client, adminToken);
  const v: Omit<LettersVerification, 'problems'> = {
    letters: n(letters.letters),
    approvalLetters: n(letters.approval),
    ready: n(letters.ready),
    failed: n(letters.failed),
    shaMatches: n(letters.sha_matches),
    pdfs: n(letters.pdfs),
    distinctSha256: n(letters.distinct_sha),
    meanPdfBytes: n(letters.mean_bytes),
    retried: n(letters.retried),
    readyAuditEvents: n(events.events),
    lettersWithoutOneReadyEvent: n(events.without_one),
    outbox: { messages: n(outbox.messages), unsent: n(outbox.unsent) },
    audit,
  };
  const problems: string[] = [];
  if (v.letters !== expected || v.approvalLetters !== expectedApprovals) {
    problems.push(`${v.letters} letters (${v.approvalLetters} approval letters), expected ${expected} (${expectedApprovals})`);
  }
  if (v.ready !== expected) problems.push(`${v.ready} of ${expected} letters ready`);
  if (v.failed) problems.push(`${v.failed} letters failed`);
  if (v.shaMatches !== v.ready) problems.push(`${v.ready - v.shaMatches} ready letters whose sha256 is not their PDF's`);
  if (v.pdfs !== v.ready) problems.push(`${v.ready - v.pdfs} ready letters whose bytes are not a PDF`);
  if (v.distinctSha256 !== v.ready) problems.push(`${v.distinctSha256} distinct sha256 for ${v.ready} different letters`);
  if (v.readyAuditEvents !== v.ready || v.lettersWithoutOneReadyEvent) {
    problems.push(`${v.readyAuditEvents} letter.ready audit events for ${v.ready} ready letters; ${v.lettersWithoutOneReadyEvent} letters without exactly one`);
  }
  if (v.outbox.messages !== expected || v.outbox.unsent) problems.push(`outbox: ${v.outbox.messages} letter.render messages (expected ${expected}), ${v.outbox.unsent} unsent`);
  if (!audit.ok) problems.push(`the audit chain does not verify (first broken event ${audit.firstBrokenEventId ?? '?'})`);
  return { ...v, problems };
}
