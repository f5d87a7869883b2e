import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationsService, type ApplicationStatus } from '@app/applications';
import { CallAnnouncementService, CallsService, CommissionMembersService, ProgrammeEntity, ProgrammesService } from '@app/calls';
import { type AuthUser, Clock, pragueDate } from '@app/core';
import { CommissionService, FormalCheckService, RankingService } from '@app/evaluation';
import { BankAccountsService, IdentityService, UserEntity } from '@app/identity';
import { ContractsService, DecisionsService, PaymentsService, ReturnsService, SettlementReviewService, SettlementsService } from '@app/money';
import { DemoClock } from './demo-clock';
import { DEMO_CONTENT, DEMO_PROGRAMMES, DISTRICT_CONTRACT_ACCOUNT, type DemoContent } from './demo-content';
import {
  DEMO_APPLICANTS,
  DEMO_COMMISSION,
  DEMO_STAFF,
  DEMO_STAGES,
  type DemoApplicantLogin,
  type DemoApplicationDescription,
  type DemoApplicationStatus,
  type DemoCommissionLogin,
  type DemoStageName,
} from './demo-data';
import { demoTimeline, type DemoCallWindow, type DemoTimeline } from './demo-timeline';

// Every status the demo description uses is one the API knows.
const statusIsKnown = (s: DemoApplicationStatus): ApplicationStatus => s;

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Written oldest first, so the demo's history reads in order where the stages do not overlap. */
const STAGE_ORDER: readonly DemoStageName[] = ['decided', 'scored', 'closed', 'open'];

export interface DemoSeedOptions {
  /** Password of every demo login. */
  password: string;
  /** The real "now" the demo's dates are computed from (tests pass one; default: now). */
  now?: Date;
}

export interface DemoSeedResult {
  /** Stages written by this run; empty when the demo was already there. */
  written: DemoStageName[];
  /** Ids of the demo's calls and applications by stage and key. */
  ids: { [S in DemoStageName]: { callId: string; applications: Record<keyof (typeof DEMO_STAGES)[S]['applications'], string> } | null };
}

interface Services {
  identity: IdentityService;
  bankAccounts: BankAccountsService;
  programmes: ProgrammesService;
  calls: CallsService;
  announcements: CallAnnouncementService;
  commissionMembers: CommissionMembersService;
  applications: ApplicationsService;
  formalCheck: FormalCheckService;
  commission: CommissionService;
  ranking: RankingService;
  decisions: DecisionsService;
  contracts: ContractsService;
  payments: PaymentsService;
  settlements: SettlementsService;
  reviews: SettlementReviewService;
  returns: ReturnsService;
  dataSource: DataSource;
  clock: DemoClock;
}

interface Cast {
  officer: AuthUser;
  budget: AuthUser;
  members: Record<DemoCommissionLogin, AuthUser>;
  applicants: Record<DemoApplicantLogin, AuthUser>;
}

/**
 * Writes the demo through the services, as the users themselves would, on the
 * context's DemoClock (moved into the past for each step, back to the present
 * at the end): every step checked by the real rules and audited. Each stage
 * is one programme (DEMO_STAGES[stage].programmeCode) and is written only when
 * its programme does not exist yet, so a second run writes nothing; users and
 * organisations are looked up by their login first.
 */
export async function loadDemo(app: INestApplicationContext, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const clock = app.get(Clock);
  if (!(clock instanceof DemoClock)) throw new Error('The demo is written on a DemoClock (DemoSeedModule)');
  const s: Services = {
    identity: app.get(IdentityService),
    bankAccounts: app.get(BankAccountsService),
    programmes: app.get(ProgrammesService),
    calls: app.get(CallsService),
    announcements: app.get(CallAnnouncementService),
    commissionMembers: app.get(CommissionMembersService),
    applications: app.get(ApplicationsService),
    formalCheck: app.get(FormalCheckService),
    commission: app.get(CommissionService),
    ranking: app.get(RankingService),
    decisions: app.get(DecisionsService),
    contracts: app.get(ContractsService),
    payments: app.get(PaymentsService),
    settlements: app.get(SettlementsService),
    reviews: app.get(SettlementReviewService),
    returns: app.get(ReturnsService),
    dataSource: app.get(DataSource),
    clock,
  };
  const timeline = demoTimeline(options.now ?? new Date());
  const result: DemoSeedResult = { written: [], ids: { open: null, closed: null, scored: null, decided: null } };
  const missing: DemoStageName[] = [];
  for (const stage of STAGE_ORDER) {
    if (!(await s.dataSource.getRepository(ProgrammeEntity).existsBy({ code: DEMO_STAGES[stage].programmeCode }))) missing.push(stage);
  }
  try {
    // The organisations register before the demo's history starts, so their accounts are registered on every payment's day.
    if (missing.length) s.clock.at(timeline.decided.announcedAt);
    const cast = missing.length ? await ensureCast(s, options.password) : null;
    for (const stage of missing) {
      const writer = { decided: writeDecided, scored: writeScored, closed: writeClosed, open: writeOpen }[stage];
      const ids = await writer(s, cast!, timeline);
      await expectStatuses(s, stage, ids.applications);
      (result.ids as Record<DemoStageName, unknown>)[stage] = ids;
      result.written.push(stage);
    }
  } finally {
    clock.present();
  }
  return result;
}

async function ensureCast(s: Services, password: string): Promise<Cast> {
  const users = s.dataSource.getRepository(UserEntity);
  const adminEmail = process.env.BOOTSTRAP_ADMIN_EMAIL?.toLowerCase();
  const admin =
    (adminEmail ? await users.findOneBy({ email: adminEmail, role: 'admin' }) : null) ??
    (await users.findOne({ where: { role: 'admin' }, order: { createdAt: 'ASC' } }));
  if (!admin) throw new Error('No administrator to create the demo users: set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD.');
  const adminCaller: AuthUser = { id: admin.id, role: 'admin', organisationId: null };
  const asCaller = (u: { id: string; role: AuthUser['role']; organisationId: string | null }): AuthUser => ({ id: u.id, role: u.role, organisationId: u.organisationId });

  const staff = new Map<string, AuthUser>();
  for (const member of DEMO_STAFF) {
    const existing = await users.findOneBy({ email: member.login });
    const user = existing ?? (await s.identity.createStaffUser(adminCaller, { email: member.login, fullName: member.fullName, role: member.role, password }));
    staff.set(member.login, asCaller(user));
  }
  const applicants = {} as Record<DemoApplicantLogin, AuthUser>;
  for (const a of DEMO_APPLICANTS) {
    const existing = await users.findOneBy({ email: a.login });
    if (existing) {
      applicants[a.login] = asCaller(existing);
      continue;
    }
    const { organisationId, userId } = await s.identity.register({
      organisation: { ...a.organisation, address: { ...a.organisation.address } },
      user: { email: a.login, password, fullName: a.fullName },
    });
    applicants[a.login] = { id: userId, role: 'applicant', organisationId };
  }
  const members = Object.fromEntries(DEMO_COMMISSION.map((login) => [login, staff.get(login)!])) as Record<DemoCommissionLogin, AuthUser>;
  return { officer: staff.get('officer@demo.praha.eu')!, budget: staff.get('budget@demo.praha.eu')!, members, applicants };
}

type Keys<S extends DemoStageName> = keyof (typeof DEMO_STAGES)[S]['applications'] & string;
type Ids<S extends DemoStageName> = { callId: string; applications: Record<Keys<S>, string> };

/** The programme and its call, announced on the timeline's day, with the demo's DOT Commission. */
async function announceCall(s: Services, cast: Cast, stage: DemoStageName, year: number, window: DemoCallWindow): Promise<string> {
  const { officer } = cast;
  const programme = DEMO_PROGRAMMES[stage];
  s.clock.at(window.announcedAt);
  const { id: programmeId } = await s.programmes.createProgramme(officer, {
    code: DEMO_STAGES[stage].programmeCode,
    name: programme.name(year),
    year,
    appropriationCzk: programme.appropriationCzk,
  });
  const call = await s.calls.createCall(officer, {
    ...programme.terms,
    programmeId,
    title: DEMO_STAGES[stage].callTitle,
    announcedOn: pragueDate(window.announcedAt),
    submissionOpensAt: window.opensAt,
    submissionClosesAt: window.closesAt,
    decisionDueOn: window.decisionDueOn,
    settlementDueOn: window.settlementDueOn,
  });
  await s.announcements.announce(officer, call.id);
  s.clock.at(window.commissionSetAt);
  const memberIds = DEMO_COMMISSION.map((login) => cast.members[login].id);
  await s.commissionMembers.setCommission(officer, call.id, { memberIds, chairId: memberIds[0] });
  return call.id;
}

/** Creates the application of `key` as its organisation's user; submits it unless `draft` is set. */
async function apply<S extends DemoStageName>(s: Services, cast: Cast, stage: S, key: Keys<S>, callId: string, year: number, draft = false): Promise<string> {
  const description = (DEMO_STAGES[stage].applications as Record<string, DemoApplicationDescription>)[key];
  const { period, ...content } = (DEMO_CONTENT[stage] as Record<string, DemoContent>)[key];
  const applicant = cast.applicants[description.login];
  const { id } = await s.applications.create(applicant, {
    ...content,
    callId,
    partCode: description.partCode,
    title: description.title,
    startDate: `${year}-${period[0]}`,
    endDate: `${year}-${period[1]}`,
  });
  if (!draft) await s.applications.submit(applicant, id);
  return id;
}

/** Declarations and score sheets as DEMO_STAGES[stage] lists them, each member on their own day. */
async function score<S extends DemoStageName>(s: Services, cast: Cast, stage: S, ids: Record<Keys<S>, string>, days: readonly Date[]): Promise<void> {
  const criteria = DEMO_PROGRAMMES[stage].terms.criteria;
  const applications = DEMO_STAGES[stage].applications as Record<Keys<S>, DemoApplicationDescription>;
  for (const [m, login] of DEMO_COMMISSION.entries()) {
    s.clock.at(days[m]);
    const member = cast.members[login];
    for (const key of Object.keys(applications) as Keys<S>[]) {
      const sheet = applications[key].sheets?.[login];
      if (sheet === undefined) continue;
      if (sheet === 'conflict') {
        await s.commission.declare(member, ids[key], { hasConflict: true, reason: CONFLICT_REASON[login] });
        continue;
      }
      await s.commission.declare(member, ids[key], { hasConflict: false });
      // Saved and submitted at once (no draft): the demo's members have submitted theirs.
      await s.commission.score(member, ids[key], { points: pointsFor(criteria, sheet), comment: commentFor(sheet) });
    }
  }
}

const CONFLICT_REASON: Record<DemoCommissionLogin, string> = {
  'commission1@demo.praha.eu': 'Jsem členem správní rady žadatele.',
  'commission2@demo.praha.eu': 'Jsem členkou správní rady žadatele.',
  'commission3@demo.praha.eu': 'Se žadatelem spolupracuji na jiném projektu.',
};

/** Points per criterion adding up exactly to `total` (of the criteria's sum), spread in proportion to each maximum. */
export function pointsFor(criteria: readonly { code: string; maxPoints: number }[], total: number): { criterionCode: string; points: number }[] {
  const max = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  if (!Number.isInteger(total) || total < 0 || total > max) throw new RangeError(`A sheet total must be 0..${max}, got ${total}`);
  const points = criteria.map((c) => Math.floor((c.maxPoints * total) / max));
  let rest = total - points.reduce((sum, p) => sum + p, 0);
  for (let i = 0; rest > 0; i = (i + 1) % criteria.length) {
    if (points[i] < criteria[i].maxPoints) {
      points[i] += 1;
      rest -= 1;
    }
  }
  return criteria.map((c, i) => ({ criterionCode: c.code, points: points[i] }));
}

function commentFor(total: number): string {
  if (total >= 80) return 'Kvalitní projekt s jasně popsanou cílovou skupinou a přiměřeným rozpočtem.';
  if (total >= 60) return 'Přínosný projekt; rozpočet a udržitelnost by zasloužily zpřesnit.';
  return 'Slabá vazba na Koncepci a rozpočet nepřiměřený počtu účastníků.';
}

async function writeOpen(s: Services, cast: Cast, timeline: DemoTimeline): Promise<Ids<'open'>> {
  const year = timeline.upcomingYear;
  const callId = await announceCall(s, cast, 'open', year, timeline.open);
  s.clock.present();
  return {
    callId,
    applications: {
      submitted: await apply(s, cast, 'open', 'submitted', callId, year),
      draft: await apply(s, cast, 'open', 'draft', callId, year, true),
      publicationDraft: await apply(s, cast, 'open', 'publicationDraft', callId, year, true),
    },
  };
}

export const CORRECTION_DEFECTS = [
  'Chybí čestné prohlášení statutárního orgánu o bezdlužnosti.',
  'V rozpočtu není uvedeno, z jakých zdrojů bude hrazena spoluúčast.',
];

async function writeClosed(s: Services, cast: Cast, timeline: DemoTimeline): Promise<Ids<'closed'>> {
  const t = timeline.closed;
  const year = timeline.upcomingYear;
  const callId = await announceCall(s, cast, 'closed', year, t);
  const order: Keys<'closed'>[] = ['scoredTwice', 'conflict', 'scoredOnce', 'unscored', 'correction', 'awaitingCheck', 'awaitingCheckToo'];
  const ids = {} as Record<Keys<'closed'>, string>;
  for (const [i, key] of order.entries()) {
    s.clock.at(new Date(t.submissionsFrom.getTime() + i * DAY));
    ids[key] = await apply(s, cast, 'closed', key, callId, year);
  }
  s.clock.at(t.formalCheckAt);
  for (const key of ['scoredTwice', 'conflict', 'scoredOnce', 'unscored'] as const) {
    await s.formalCheck.check(cast.officer, ids[key], { result: 'eligible', reasons: [] });
  }
  s.clock.at(t.correctionAt);
  await s.formalCheck.check(cast.officer, ids.correction, { result: 'correction_requested', reasons: CORRECTION_DEFECTS, correctionDueOn: t.correctionDueOn });
  await score(s, cast, 'closed', ids, t.scoringAt);
  return { callId, applications: ids };
}

async function writeScored(s: Services, cast: Cast, timeline: DemoTimeline): Promise<Ids<'scored'>> {
  const t = timeline.scored;
  const year = timeline.upcomingYear;
  const callId = await announceCall(s, cast, 'scored', year, t);
  const order: Keys<'scored'>[] = ['leading', 'runnerUp', 'belowMinimum'];
  const ids = {} as Record<Keys<'scored'>, string>;
  for (const [i, key] of order.entries()) {
    s.clock.at(new Date(t.submissionsFrom.getTime() + i * DAY));
    ids[key] = await apply(s, cast, 'scored', key, callId, year);
  }
  s.clock.at(t.formalCheckAt);
  for (const key of order) await s.formalCheck.check(cast.officer, ids[key], { result: 'eligible', reasons: [] });
  await score(s, cast, 'scored', ids, t.scoringAt);
  return { callId, applications: ids };
}

/** The Council's resolution approving the call's grants (and rejecting the one not recommended). */
export const DEMO_RESOLUTION_NUMBER = '412';

async function writeDecided(s: Services, cast: Cast, timeline: DemoTimeline): Promise<Ids<'decided'>> {
  const t = timeline.decided;
  const { officer, budget } = cast;
  const callId = await announceCall(s, cast, 'decided', t.year, t);
  const order: Keys<'decided'>[] = ['closed', 'settlementForReview', 'overdueReturn', 'awaitingPublication', 'secondInstalment', 'rejected', 'ineligible'];
  const ids = {} as Record<Keys<'decided'>, string>;
  for (const [i, key] of order.entries()) {
    s.clock.at(new Date(t.submissionsFrom.getTime() + i * DAY));
    ids[key] = await apply(s, cast, 'decided', key, callId, t.year);
  }

  s.clock.at(t.formalCheckAt);
  for (const key of order) {
    await s.formalCheck.check(
      officer,
      ids[key],
      key === 'ineligible'
        ? { result: 'ineligible', reasons: ['Žádost nepodepsala osoba oprávněná jednat za žadatele.', 'Chybí doklad o zřízení bankovního účtu žadatele.'] }
        : { result: 'eligible', reasons: [] },
    );
  }
  await score(s, cast, 'decided', ids, t.scoringAt);
  s.clock.at(t.evaluationClosedAt);
  await s.ranking.proposeFunding(officer, callId);
  await s.ranking.closeEvaluation(officer, callId);

  s.clock.at(t.decidedAt);
  const resolution = { body: 'council' as const, resolutionNumber: DEMO_RESOLUTION_NUMBER, resolutionDate: t.resolutionDate };
  const granted = ['closed', 'settlementForReview', 'overdueReturn', 'awaitingPublication', 'secondInstalment'] as const;
  for (const key of granted) await s.decisions.decide(officer, ids[key], { outcome: 'approved', ...resolution });
  await s.decisions.decide(officer, ids.rejected, {
    outcome: 'rejected',
    ...resolution,
    reasons: ['Projekt nedosáhl v hodnocení Komise DOT minimálního počtu 60 bodů.'],
  });

  const accountOf = (key: Keys<'decided'>): string => {
    const { organisation } = DEMO_APPLICANTS.find((a) => a.login === DEMO_STAGES.decided.applications[key].login)!;
    return 'bankAccount' in organisation ? organisation.bankAccount : DISTRICT_CONTRACT_ACCOUNT;
  };
  const contractNumber = (key: Keys<'decided'>) => `DOT/87/06/${String(order.indexOf(key) + 1).padStart(6, '0')}/${t.year}`;
  const sign = async (key: Keys<'decided'>, at: Date) => {
    s.clock.at(at);
    await s.contracts.sign(officer, ids[key], { contractNumber: contractNumber(key), signedOn: pragueDate(at), bankAccount: accountOf(key) });
  };
  const pay = async (key: Keys<'decided'>, amountCzk: number, at: Date, instalment: number) => {
    s.clock.at(at);
    await s.payments.pay(budget, ids[key], { amountCzk, paidOn: pragueDate(at), paymentReference: `${contractNumber(key)}, splátka ${instalment}` });
  };
  const settle = async (key: Keys<'decided'>, lines: { category: string; spentCzk: number }[], report: string, at: Date) => {
    s.clock.at(at);
    const applicant = cast.applicants[DEMO_STAGES.decided.applications[key].login];
    await s.settlements.submit(applicant, ids[key], { spentCzk: lines.reduce((sum, l) => sum + l.spentCzk, 0), lines, report });
  };
  const review = async (key: Keys<'decided'>, acceptedCzk: number, note: string, at: Date) => {
    s.clock.at(at);
    await s.reviews.review(officer, ids[key], { acceptedCzk, note });
  };

  for (const key of ['closed', 'settlementForReview', 'overdueReturn', 'secondInstalment'] as const) await sign(key, t.contractsAt);
  s.clock.at(t.publishedAt);
  for (const [i, key] of (['settlementForReview', 'overdueReturn', 'secondInstalment'] as const).entries()) {
    await s.contracts.publish(officer, ids[key], { publishedOn: pragueDate(t.publishedAt), url: `https://smlouvy.gov.cz/smlouva/${31_540_210 + i}` });
  }
  await pay('closed', 48_000, t.paidAt, 1);
  await pay('settlementForReview', 150_000, t.paidAt, 1);
  await pay('overdueReturn', 180_000, t.paidAt, 1);
  await pay('secondInstalment', 100_000, t.paidAt, 1);

  await settle(
    'overdueReturn',
    [
      { category: 'Služby', spentCzk: 105_000 },
      { category: 'Pronájem', spentCzk: 42_000 },
      { category: 'Propagace', spentCzk: 11_000 },
    ],
    'Festival se konal 25. dubna, navštívilo jej asi 2 000 lidí; vystoupilo 9 souborů pěti komunit.',
    t.returnSettlementAt,
  );
  await pay('settlementForReview', 100_000, t.secondInstalmentAt, 2);
  await review('overdueReturn', 140_000, 'Výdaje na kulturní program ve výši 18 000 Kč nejsou doloženy účetními doklady.', t.returnReviewAt);
  s.clock.at(t.partialReturnAt);
  await s.returns.recordReturn(budget, ids.overdueReturn, { amountCzk: 15_000, receivedOn: pragueDate(t.partialReturnAt), reference: 'Vratka dotace, 1. část' });

  await settle(
    'closed',
    [
      { category: 'Materiál', spentCzk: 28_000 },
      { category: 'Služby', spentCzk: 20_000 },
    ],
    'Zahrada založena, 14 rodin pěstuje na záhonech, uspořádány tři sousedské slavnosti.',
    t.closingSettlementAt,
  );
  await review('closed', 48_000, 'Vyúčtování bez výhrad.', t.closingReviewAt);

  // The district registered without an account: its user asks for its budget account, the officer confirms, the contract names it.
  const district = cast.applicants['district@demo.praha.eu'];
  s.clock.at(new Date(t.lateContractAt.getTime() - 3 * HOUR));
  const request = await s.bankAccounts.request(district, district.organisationId!, DISTRICT_CONTRACT_ACCOUNT);
  s.clock.at(new Date(t.lateContractAt.getTime() - 2 * HOUR));
  await s.bankAccounts.confirm(officer, request.id);
  await sign('awaitingPublication', t.lateContractAt);
  await settle(
    'settlementForReview',
    [
      { category: 'Osobní náklady', spentCzk: 170_000 },
      { category: 'Pronájem', spentCzk: 56_000 },
      { category: 'Služby', spentCzk: 20_800 },
    ],
    'Centrum bylo otevřeno čtyři dny v týdnu, služby využilo 186 rodin; tlumočení bylo potřeba méně, než se plánovalo.',
    t.pendingSettlementAt,
  );
  return { callId, applications: ids };
}

/** The seed checks its own work: every application ends in the status DEMO_STAGES promises. */
async function expectStatuses(s: Services, stage: DemoStageName, ids: Record<string, string>): Promise<void> {
  const applications: Record<string, DemoApplicationDescription> = DEMO_STAGES[stage].applications;
  const rows: { id: string; status: string }[] = await s.dataSource.query('SELECT id, status FROM application WHERE id = ANY($1::uuid[])', [Object.values(ids)]);
  const status = new Map(rows.map((r) => [r.id, r.status]));
  const wrong = Object.entries(ids).flatMap(([key, id]) =>
    status.get(id) === statusIsKnown(applications[key].status) ? [] : [`${key}: ${status.get(id)} instead of ${applications[key].status}`],
  );
  if (wrong.length) throw new Error(`The demo's ${stage} call did not come out as described: ${wrong.join('; ')}`);
}
