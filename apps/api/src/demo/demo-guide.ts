import { DEMO_APPLICANTS, DEMO_COMMISSION, DEMO_STAFF, DEMO_STAGES, type DemoApplicationDescription, type DemoCommissionLogin, type DemoStageName } from './demo-data';

export interface DemoGuideOptions {
  port: string | number;
  password: string;
  adminLogin: string;
  /** What to print as the administrator's password. */
  adminPassword: string;
}

const q = (title: string) => `“${title}”`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What `npm run demo` prints after loading the demo: the portal's address
 * first, the logins, Swagger, the calls, then one line per login saying what
 * it can do in the demo as loaded (from DEMO_STAGES, so it matches the data).
 */
export function demoGuide(o: DemoGuideOptions): string[] {
  const base = `http://localhost:${o.port}`;
  const { open, closed, scored, decided } = DEMO_STAGES;
  const [INT, JAZ, POR, KOM] = [open.programmeCode, closed.programmeCode, scored.programmeCode, decided.programmeCode];
  const inEvaluation: DemoApplicationDescription[] = Object.values(closed.applications);
  const eligible = inEvaluation.filter((a) => a.status === 'eligible');
  const toCheck = inEvaluation.filter((a) => a.status === 'submitted').length;
  const d = decided.applications;

  const memberLine = (login: DemoCommissionLogin, chair: boolean): string => {
    const sheets = eligible.map((a) => a.sheets?.[login]);
    const scored = sheets.filter((x) => typeof x === 'number').length;
    const conflicts = sheets.filter((x) => x === 'conflict').length;
    const done = [scored && `${scored} scored`, conflicts && `${plural(conflicts, 'conflict')} of interest declared`].filter(Boolean);
    return `score ${plural(eligible.length - scored - conflicts, `${JAZ} application`)}${done.length ? ` (${done.join(', ')})` : ''}${chair ? '; chairs the DOT Commission' : ''}`;
  };
  const todo: Record<string, string> = {
    [o.adminLogin]: 'create staff accounts; read the audit trail and verify its hash chain',
    'officer@demo.praha.eu':
      `formal check of ${plural(toCheck, `${JAZ} application`)}, the ${JAZ} ranking; ` +
      `close the ${POR} evaluation and record its ${plural(Object.keys(scored.applications).length, 'decision')}; ` +
      `review the settlement of ${q(d.settlementForReview.title)}; publish the contract of ${q(d.awaitingPublication.title)}`,
    'budget@demo.praha.eu':
      `pay the second instalment of ${q(d.secondInstalment.title)} and the grant of ${q(d.awaitingPublication.title)}; ` +
      `record the overdue return of ${q(d.overdueReturn.title)}; reconciliation report`,
    'ngo1@demo.praha.eu': `finish and submit the ${INT} draft ${q(open.applications.draft.title)}`,
    'ngo2@demo.praha.eu': `correct and resubmit ${q(closed.applications.correction.title)} (${JAZ}, returned for correction); await the decision on ${q(scored.applications.leading.title)} (${POR})`,
    'ngo3@demo.praha.eu': `submit the ${INT} draft ${q(open.applications.publicationDraft.title)}; owes the overdue return of ${q(d.overdueReturn.title)}`,
    'ngo4@demo.praha.eu': `submit the settlement of ${q(d.secondInstalment.title)} (${KOM}, first instalment paid)`,
    'district@demo.praha.eu': `apply in ${INT}; read the approval letter of ${q(d.awaitingPublication.title)} (${KOM})`,
  };
  for (const [i, login] of DEMO_COMMISSION.entries()) todo[login] = memberLine(login, i === 0);

  const phase: Record<DemoStageName, string> = {
    open: 'open now',
    closed: 'closed: formal check, scoring',
    scored: 'scored: to close and decide',
    decided: 'decided: grants paid, settled',
  };
  const rows: [string, string, string][] = [
    ['admin', o.adminLogin, `password: ${o.adminPassword}`],
    ...DEMO_STAFF.map((s): [string, string, string] => [s.role, s.login, s.login === DEMO_COMMISSION[0] ? 'chair' : '']),
    ...DEMO_APPLICANTS.map((a): [string, string, string] => ['applicant', a.login, a.organisation.name]),
  ];
  const width = Math.max(...rows.map(([, login]) => login.length));
  return [
    '',
    `Portal: ${base}/`,
    '',
    `Demo logins (password for all: ${o.password}):`,
    ...rows.map(([role, login, note]) => `  ${role.padEnd(11)} ${login.padEnd(width)}  ${note}`.trimEnd()),
    '',
    `Swagger UI: ${base}/api/docs`,
    '',
    'Calls:',
    ...(Object.keys(DEMO_STAGES) as DemoStageName[]).map((s) => `  ${DEMO_STAGES[s].programmeCode}  ${phase[s].padEnd(30)} ${DEMO_STAGES[s].callTitle}`),
    '',
    'What each login can do now:',
    ...rows.map(([, login]) => `  ${login.split('@')[0]} — ${todo[login]}`),
  ];
}
