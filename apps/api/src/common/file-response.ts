import { StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';

/**
 * The representations a document route offers (`Accept` negotiation) and the
 * file it answers with: JSON by default, as the reports do; CSV, XLSX or PDF
 * as an attachment with a filename that survives every browser.
 */
export const MEDIA_TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export type Representation = keyof typeof MEDIA_TYPES;

const CONTENT_TYPES: Record<Representation, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: MEDIA_TYPES.xlsx,
  pdf: MEDIA_TYPES.pdf,
};

/**
 * The representation the request's `Accept` prefers among `offered` (in
 * their order on a tie, so `*\/*` or no header gets the first); the first
 * one when it names none of them (as the reports answer JSON then). Sets
 * `Vary: Accept`, since the answer depends on it.
 */
export function negotiate<R extends Representation>(req: Request, res: Response, offered: readonly [R, ...R[]]): R {
  res.vary('Accept');
  const chosen = req.accepts(offered.map((r) => MEDIA_TYPES[r]));
  return offered.find((r) => MEDIA_TYPES[r] === chosen) ?? offered[0];
}

/**
 * `attachment; filename="Zapis_komise_DOT.pdf"; filename*=UTF-8''Z%C3%A1pis%20komise%20DOT.pdf`:
 * the Czech name for the browsers that read RFC 6266's `filename*` (all current ones), and an
 * ASCII one without diacritics for the rest; no quotes, separators or path parts survive in either.
 */
export function attachmentDisposition(name: string, extension: Exclude<Representation, 'json'>): string {
  const clean = name
    .normalize('NFC')
    .replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120) || 'dokument';
  const ascii = clean
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+|_+$/g, '') || 'dokument';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeRfc5987(`${clean}.${extension}`)}`;
}

/** A file to answer with: its bytes, its representation and its (Czech) name without the extension. */
export interface FileAnswer {
  body: Buffer | string;
  representation: Exclude<Representation, 'json'>;
  name: string;
}

/** The file as the route's answer (with `@Res({ passthrough: true })`): type, length and disposition set. */
export function fileResponse(file: FileAnswer): StreamableFile {
  const bytes = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
  return new StreamableFile(bytes, {
    type: CONTENT_TYPES[file.representation],
    length: bytes.length,
    disposition: attachmentDisposition(file.name, file.representation),
  });
}

function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
