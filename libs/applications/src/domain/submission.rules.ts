import type { OrganisationKind } from '@app/identity/domain';
import { formatPragueDateTime, isIsoDate, pragueDate, type Violation } from '@app/core/domain';
import { BudgetLine, checkDraft, maxRequestForCost } from './budget';
import { correctionDeadlinePassed } from './correction-deadline';

export interface SubmissionContext {
  now: Date;
  call: {
    submissionOpensAt: Date;
    submissionClosesAt: Date;
    year: number;
    eligibleApplicantKinds: readonly OrganisationKind[];
    eligibleMeasureCodes: readonly string[];
    maxApplicationsPerOrganisation: number;
    maxRequestShareOfCostsPct: number;
  };
  part: { code: string; minRequestCzk: number; maxRequestCzk: number };
  organisation: { kind: OrganisationKind };
  application: {
    requestedCzk: number;
    totalCostCzk: number;
    primaryMeasureCode: string;
    measureCodes: readonly string[];
    startDate: string;
    endDate: string;
    budgetLines: readonly BudgetLine[];
    otherFundingCzk: number;
  };
  /** Applications of the same organisation in this call already submitted (any status after draft except withdrawn), not counting this one. */
  otherActiveApplications: number;
  /**
   * Set when resubmitted after a request to correct defects: the window has
   * closed by then, and this deadline (a Prague date, inclusive) applies instead.
   */
  correctionDueOn?: string | null;
}

const czk = (n: number): string => `CZK ${n.toLocaleString('en-US')}`;

const KIND_LABEL: Record<OrganisationKind, string> = { ngo: 'non-governmental organisations', district: 'city districts' };

/** Every reason the application cannot be submitted now, so the applicant can fix them all at once. */
export function checkSubmission(ctx: SubmissionContext): Violation[] {
  const { call, part, application: app } = ctx;
  const v: Violation[] = [];

  // Instants, not dates: the window opens and closes at the exact announced moment.
  const now = ctx.now.getTime();
  const correctionDueOn = ctx.correctionDueOn ?? null;
  const windowApplies = correctionDueOn === null;
  if (correctionDueOn !== null && correctionDeadlinePassed({ todayInPrague: pragueDate(ctx.now), correctionDueOn })) {
    v.push({
      code: 'SUBMISSION_WINDOW_CLOSED',
      message: `The deadline for correcting the defects was ${correctionDueOn} (Prague time); the officer now decides on the application as it is.`,
    });
  }
  if (windowApplies && now < call.submissionOpensAt.getTime()) {
    v.push({
      code: 'SUBMISSION_WINDOW_NOT_OPEN',
      message: `Submissions open on ${formatPragueDateTime(call.submissionOpensAt)} Prague time.`,
    });
  } else if (windowApplies && now >= call.submissionClosesAt.getTime()) {
    v.push({
      code: 'SUBMISSION_WINDOW_CLOSED',
      message: `Submissions closed on ${formatPragueDateTime(call.submissionClosesAt)} Prague time.`,
    });
  }

  const others = ctx.otherActiveApplications;
  const max = call.maxApplicationsPerOrganisation;
  if (others >= max) {
    v.push({
      code: 'TOO_MANY_APPLICATIONS',
      message: `Your organisation already has ${others} application${others === 1 ? '' : 's'} in this call; the call allows at most ${max} per organisation.`,
    });
  }

  if (!call.eligibleApplicantKinds.includes(ctx.organisation.kind)) {
    v.push({
      code: 'APPLICANT_NOT_ELIGIBLE',
      field: 'organisation.kind',
      message: `This call is open only to ${call.eligibleApplicantKinds.map((k) => KIND_LABEL[k]).join(' and ')}.`,
    });
  }

  if (app.requestedCzk < part.minRequestCzk) {
    v.push({
      code: 'REQUEST_OUT_OF_RANGE',
      field: 'requestedCzk',
      message: `Requested ${czk(app.requestedCzk)} is below the part's minimum of ${czk(part.minRequestCzk)}.`,
    });
  } else if (app.requestedCzk > part.maxRequestCzk) {
    v.push({
      code: 'REQUEST_OUT_OF_RANGE',
      field: 'requestedCzk',
      message: `Requested ${czk(app.requestedCzk)} is above the part's maximum of ${czk(part.maxRequestCzk)}.`,
    });
  }

  // requested / total > pct / 100, cross-multiplied to stay in exact integers.
  const pct = call.maxRequestShareOfCostsPct;
  if (app.requestedCzk * 100 > pct * app.totalCostCzk) {
    const maxCzk = maxRequestForCost(app.totalCostCzk, pct);
    v.push({
      code: 'COFINANCING_REQUIRED',
      field: 'requestedCzk',
      message: `Requested ${czk(app.requestedCzk)} is more than ${pct} % of the total cost of ${czk(app.totalCostCzk)}; at most ${czk(maxCzk)} can be requested.`,
    });
  }

  const eligible = new Set(call.eligibleMeasureCodes);
  if (!eligible.has(app.primaryMeasureCode)) {
    v.push({
      code: 'MEASURE_NOT_ELIGIBLE',
      field: 'primaryMeasureCode',
      message: `Measure ${app.primaryMeasureCode} is not supported by this call.`,
    });
  }
  app.measureCodes.forEach((code, i) => {
    if (!eligible.has(code)) {
      v.push({ code: 'MEASURE_NOT_ELIGIBLE', field: `measureCodes[${i}]`, message: `Measure ${code} is not supported by this call.` });
    }
  });

  for (const field of ['startDate', 'endDate'] as const) {
    const date = app[field];
    // A malformed date is reported by checkDraft below.
    if (isIsoDate(date) && Number(date.slice(0, 4)) !== call.year) {
      v.push({
        code: 'PROJECT_PERIOD_OUTSIDE_CALL_YEAR',
        field,
        message: `The project must take place in ${call.year}; ${date} is outside it.`,
      });
    }
  }

  v.push(...checkDraft(app));
  return v;
}
