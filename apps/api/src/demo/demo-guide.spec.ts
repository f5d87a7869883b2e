import { DEMO_APPLICANTS, DEMO_STAFF } from './demo-data';
import { demoGuide } from './demo-guide';

describe('demoGuide', () => {
  const lines = demoGuide({ port: 3000, password: 'prague-demo-2027', adminLogin: 'admin@demo.praha.eu', adminPassword: 'prague-demo-2027' });
  const logins = ['admin@demo.praha.eu', ...DEMO_STAFF.map((s) => s.login), ...DEMO_APPLICANTS.map((a) => a.login)];
  const index = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

  it('prints the portal first, then the logins, then Swagger', () => {
    expect(lines.find((l) => l !== '')).toBe('Portal: http://localhost:3000/');
    const table = index('Demo logins');
    expect(index('Portal:')).toBeLessThan(table);
    for (const login of logins) {
      const row = lines.findIndex((l, i) => i > table && l.split(/\s+/).includes(login));
      expect(row).toBeGreaterThan(table);
      expect(row).toBeLessThan(index('Swagger UI: http://localhost:3000/api/docs'));
    }
  });

  it('says in one line what each login can do, with the counts of the demo as loaded', () => {
    const todo = lines.slice(index('What each login can do now:') + 1);
    expect(todo.map((l) => l.split(' — ')[0].trim())).toEqual(logins.map((l) => l.split('@')[0]));
    expect(todo.find((l) => l.includes('commission1 —'))).toContain('score 1 JAZ application (3 scored); chairs the DOT Commission');
    expect(todo.find((l) => l.includes('commission2 —'))).toContain('score 2 JAZ applications (1 scored, 1 conflict of interest declared)');
    expect(todo.find((l) => l.includes('commission3 —'))).toContain('score 4 JAZ applications');
    expect(todo.find((l) => l.includes('officer —'))).toContain('formal check of 2 JAZ applications');
  });
});
