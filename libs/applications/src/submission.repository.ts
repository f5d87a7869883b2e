import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrganisationKind } from '@app/identity';
import { preparedQuery, toSafeNumber } from '@app/core';
import type { ApplicationStatus } from './domain/application-status';
import type { BudgetLine } from './domain/budget';
import type { SubmissionContext } from './domain/submission.rules';

/** Everything a submission is judged on, read with the application and its organisation locked. */
export interface SubmissionSubject {
  status: ApplicationStatus;
  referenceNumber: string | null;
  submittedAt: Date | null;
  correctionDueOn: string | null;
  callId: string;
  organisationId: string;
  callSequence: number;
  programmeCode: string;
  context: Omit<SubmissionContext, 'now' | 'otherActiveApplications' | 'application'> & {
    application: Omit<SubmissionContext['application'], 'budgetLines'>;
  };
}

interface SubjectRow {
  status: ApplicationStatus;
  reference_number: string | null;
  submitted_at: Date | null;
  correction_due_on: string | null;
  call_id: string;
  organisation_id: string;
  requested_czk: string;
  total_cost_czk: string;
  other_funding_czk: string;
  primary_measure_code: string;
  measure_codes: string[];
  start_date: string;
  end_date: string;
  organisation_kind: OrganisationKind;
  submission_opens_at: Date;
  submission_closes_at: Date;
  eligible_applicant_kinds: OrganisationKind[];
  eligible_measure_codes: string[];
  max_applications_per_organisation: number;
  max_request_share_of_costs_pct: number;
  sequence_in_programme: number;
  programme_code: string;
  programme_year: number;
  part_code: string;
  min_request_czk: string;
  max_request_czk: string;
}

/**
 * The submit path's reads: it is the hottest write of a call's life (hundreds
 * a minute before a deadline), so it reads with purpose-built prepared SQL
 * instead of entity round trips; the write is ApplicationLifecycle.submitFirst.
 */
@Injectable()
export class SubmissionRepository {
  /** Locks the application and its organisation (serialising the organisation's submissions). */
  async lockSubject(manager: EntityManager, applicationId: string, organisationId: string): Promise<SubmissionSubject | null> {
    const rows = await preparedQuery<SubjectRow>(
      manager,
      'submission_lock_subject',
      `SELECT a.status, a.reference_number, a.submitted_at, a.correction_due_on::text AS correction_due_on, a.call_id, a.organisation_id,
              a.requested_czk, a.total_cost_czk, a.other_funding_czk, a.primary_measure_code, a.measure_codes,
              a.start_date::text AS start_date, a.end_date::text AS end_date,
              o.kind AS organisation_kind,
              c.submission_opens_at, c.submission_closes_at, c.eligible_applicant_kinds, c.eligible_measure_codes,
              c.max_applications_per_organisation, c.max_request_share_of_costs_pct, c.sequence_in_programme,
              p.code AS programme_code, p.year AS programme_year,
              cp.code AS part_code, cp.min_request_czk, cp.max_request_czk
         FROM application a
         JOIN organisation o ON o.id = a.organisation_id
         JOIN call c ON c.id = a.call_id
         JOIN programme p ON p.id = c.programme_id
         JOIN call_part cp ON cp.id = a.call_part_id
        WHERE a.id = $1 AND a.organisation_id = $2
          FOR UPDATE OF a, o`,
      [applicationId, organisationId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      status: r.status,
      referenceNumber: r.reference_number,
      submittedAt: r.submitted_at,
      correctionDueOn: r.correction_due_on,
      callId: r.call_id,
      organisationId: r.organisation_id,
      callSequence: r.sequence_in_programme,
      programmeCode: r.programme_code,
      context: {
        call: {
          submissionOpensAt: r.submission_opens_at,
          submissionClosesAt: r.submission_closes_at,
          year: r.programme_year,
          eligibleApplicantKinds: r.eligible_applicant_kinds,
          eligibleMeasureCodes: r.eligible_measure_codes,
          maxApplicationsPerOrganisation: r.max_applications_per_organisation,
          maxRequestShareOfCostsPct: r.max_request_share_of_costs_pct,
        },
        part: { code: r.part_code, minRequestCzk: toSafeNumber(r.min_request_czk), maxRequestCzk: toSafeNumber(r.max_request_czk) },
        organisation: { kind: r.organisation_kind },
        application: {
          requestedCzk: toSafeNumber(r.requested_czk),
          totalCostCzk: toSafeNumber(r.total_cost_czk),
          otherFundingCzk: toSafeNumber(r.other_funding_czk),
          primaryMeasureCode: r.primary_measure_code,
          measureCodes: r.measure_codes,
          startDate: r.start_date,
          endDate: r.end_date,
        },
      },
    };
  }

  /** Read after the locks: the budget lines, and the organisation's other active applications in the call. */
  async linesAndOtherActive(
    manager: EntityManager,
    applicationId: string,
    subject: Pick<SubmissionSubject, 'organisationId' | 'callId'>,
    inactive: readonly ApplicationStatus[],
  ): Promise<{ lines: BudgetLine[]; otherActive: number }> {
    const [row] = await preparedQuery<{ lines: BudgetLine[]; others: string }>(
      manager,
      'submission_lines_and_others',
      `SELECT COALESCE((SELECT json_agg(json_build_object('category', l.category, 'description', l.description,
                                                          'totalCzk', l.total_czk, 'requestedCzk', l.requested_czk)
                                        ORDER BY l.position)
                          FROM application_budget_line l WHERE l.application_id = $1), '[]'::json) AS lines,
              (SELECT COUNT(*) FROM application x
                WHERE x.organisation_id = $2 AND x.call_id = $3 AND x.id <> $1 AND x.status <> ALL($4)) AS others`,
      [applicationId, subject.organisationId, subject.callId, inactive],
    );
    return { lines: row.lines, otherActive: Number(row.others) };
  }
}
