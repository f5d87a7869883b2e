import type { Request, Response } from 'express';
import { attachmentDisposition, fileResponse, negotiate } from './file-response';

function request(accept: string | undefined): { req: Request; res: Response; vary: string[] } {
  const vary: string[] = [];
  // express's own req.accepts (the `accepts` package) reads the header from req.headers.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const accepts = require('accepts') as (req: unknown) => { type(types: string[]): string | false };
  const req = { headers: accept === undefined ? {} : { accept } } as unknown as Request;
  (req as unknown as { accepts: (types: string[]) => string | false }).accepts = (types) => accepts(req).type(types);
  const res = { vary: (field: string) => vary.push(field) } as unknown as Response;
  return { req, res, vary };
}

describe('negotiate', () => {
  it('answers JSON by default, for */* and for a type it does not offer', () => {
    for (const accept of [undefined, '*/*', 'image/png', 'application/json']) {
      const { req, res } = request(accept);
      expect(negotiate(req, res, ['json', 'csv', 'pdf'])).toBe('json');
    }
  });

  it('answers what Accept prefers among the offered, and varies by Accept', () => {
    const { req, res, vary } = request('application/pdf');
    expect(negotiate(req, res, ['json', 'csv', 'pdf'])).toBe('pdf');
    expect(vary).toEqual(['Accept']);
    expect(negotiate(request('text/csv;q=0.9, application/pdf;q=0.5').req, res, ['json', 'csv', 'pdf'])).toBe('csv');
    expect(negotiate(request('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').req, res, ['json', 'csv', 'xlsx', 'pdf'])).toBe('xlsx');
    // Not offered here: the default.
    expect(negotiate(request('application/pdf').req, res, ['json', 'csv'])).toBe('json');
  });
});

describe('attachmentDisposition', () => {
  it('gives the Czech name (RFC 6266 filename*) and an ASCII fallback without diacritics', () => {
    expect(attachmentDisposition('Zápis z jednání Komise DOT – Integrace cizinců 2027', 'pdf')).toBe(
      'attachment; filename="Zapis_z_jednani_Komise_DOT_Integrace_cizincu_2027.pdf"; ' +
        "filename*=UTF-8''Z%C3%A1pis%20z%20jedn%C3%A1n%C3%AD%20Komise%20DOT%20%E2%80%93%20Integrace%20cizinc%C5%AF%202027.pdf",
    );
  });

  it('lets no quote, path or control character through', () => {
    const value = attachmentDisposition('../"evil"\r\nX-Injected: 1/příloha', 'csv');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(value).toContain('filename="evil_X-Injected_1_priloha.csv"');
    expect(attachmentDisposition('"""', 'xlsx')).toBe(`attachment; filename="dokument.xlsx"; filename*=UTF-8''dokument.xlsx`);
  });
});

describe('fileResponse', () => {
  it('sets the type, the length in bytes and the disposition', () => {
    const file = fileResponse({ body: 'Č,Ž\r\n', representation: 'csv', name: 'Příloha' });
    const headers = file.getHeaders();
    expect(headers.type).toBe('text/csv; charset=utf-8');
    expect(headers.length).toBe(Buffer.byteLength('Č,Ž\r\n'));
    expect(headers.disposition).toContain('filename="Priloha.csv"');
  });
});
