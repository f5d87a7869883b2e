import { createHash } from 'node:crypto';
import { ifNoneMatchHits, letterContentDisposition, letterEtag, reprDigest } from './letter-download';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('letter download headers', () => {
  describe('reprDigest (RFC 9530)', () => {
    it('is the base64 of the digest bytes, between colons (the RFC’s own example: an empty body)', () => {
      expect(reprDigest(EMPTY_SHA256)).toBe('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:');
    });

    it('agrees with hashing the bytes', () => {
      const body = Buffer.from('%PDF-1.7 …');
      const hex = createHash('sha256').update(body).digest('hex');
      expect(reprDigest(hex)).toBe(`sha-256=:${createHash('sha256').update(body).digest('base64')}:`);
    });

    it.each(['', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', EMPTY_SHA256.slice(1), `${EMPTY_SHA256} `])('refuses %j', (bad) => {
      expect(() => reprDigest(bad)).toThrow('SHA-256');
    });
  });

  it('the ETag is the quoted hex digest (strong)', () => {
    expect(letterEtag(EMPTY_SHA256)).toBe(`"${EMPTY_SHA256}"`);
  });

  describe('letterContentDisposition', () => {
    it('names the file after the reference number and the kind', () => {
      expect(letterContentDisposition('INT-2027-0001', 'approval', 'x')).toBe('attachment; filename="INT-2027-0001-approval.pdf"');
      expect(letterContentDisposition('INT-2027-0042', 'correction_request', 'x')).toBe('attachment; filename="INT-2027-0042-correction_request.pdf"');
    });

    it('falls back to the letter id without a reference number', () => {
      expect(letterContentDisposition(null, 'ineligible', '6f1c0d3e-0000-4000-8000-000000000001')).toBe(
        'attachment; filename="6f1c0d3e-0000-4000-8000-000000000001-ineligible.pdf"',
      );
    });

    it.each([
      ['Žádost/2027 "č. 1"', 'Zadost_2027_c._1_-approval'],
      ['../../etc/passwd', 'etc_passwd-approval'],
      ['a\r\nSet-Cookie: x=1', 'a_Set-Cookie_x_1-approval'],
      ['příliš žluťoučký kůň', 'prilis_zlutoucky_kun-approval'],
    ])('keeps %j ASCII-safe', (reference, base) => {
      const value = letterContentDisposition(reference, 'approval', 'x');
      expect(value).toBe(`attachment; filename="${base}.pdf"`);
      expect(value).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.pdf"$/);
    });
  });

  describe('ifNoneMatchHits', () => {
    const etag = letterEtag(EMPTY_SHA256);

    it.each([
      [etag, true],
      [`W/${etag}`, true],
      [`"other", ${etag}`, true],
      ['*', true],
      ['"other"', false],
      [EMPTY_SHA256, false],
      ['', false],
      [undefined, false],
    ])('%j → %s', (header, hit) => {
      expect(ifNoneMatchHits(header, etag)).toBe(hit);
    });
  });
});
