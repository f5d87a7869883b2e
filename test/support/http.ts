import type { Response } from 'supertest';

export const API = '/api/v1';

/** Asserts an RFC 9457 answer with the given status and code; returns its body. */
export function expectProblem(res: Response, status: number, code: string) {
  if (res.status !== status || res.body?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String), code }),
  );
  expect(Array.isArray(res.body.errors)).toBe(true);
  return res.body as { code: string; detail: string; errors: { field?: string; message: string; code?: string }[] };
}
