import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { toCsv } from '@app/core';
import { ReportsService } from '@app/money';
import { RateLimited } from '../common/rate-limits';
import { Anyone, ApiProblems, Auth } from '../common/route.decorators';
import {
  DisbursementReportResponse,
  PolicyReportResponse,
  ReconciliationResponse,
  ReportQuery,
  ThreeSixtyGivingPackageResponse,
  type DisbursementResponse,
} from './dto/reports.dto';

const CSV_COLUMNS = [
  'date',
  'type',
  'applicationId',
  'referenceNumber',
  'organisationName',
  'ico',
  'bankAccount',
  'amountCzk',
  'contractNumber',
  'reference',
] as const satisfies readonly (keyof DisbursementResponse)[];

const CSV_EXAMPLE =
  '\uFEFFdate,type,applicationId,referenceNumber,organisationName,ico,bankAccount,amountCzk,contractNumber,reference\r\n' +
  '2027-06-03,payment,0b8e3c52-6f1d-4c2a-9a53-2f0f6c1d7e41,INT-2027-0001,"Integrační centrum Praha, o.p.s.",25755277,19-2000145399/0800,100000,SML/2027/0042,VS 2027000042\r\n';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('reports/disbursements')
  @ApiTags('reports')
  @ApiOperation({
    summary: 'Payments and money received back, one row each',
    description:
      'Ordered by date (paid on / received on), then by when recorded. Amounts are positive whole CZK; the direction is in `type` ' +
      '(`payment`, `return`, `penalty` — a §22 penalty, not a return of the grant). A movement reversed in the ledger (recorded by mistake) is left out. ' +
      'JSON by default; with `Accept: text/csv` a CSV file (RFC 4180: comma, CRLF, a header row, UTF-8 with a byte order mark for Excel; ' +
      'text starting with = + - @ is prefixed with an apostrophe so a spreadsheet does not run it). Not paged: it is an export.',
  })
  @Auth('budget', 'officer')
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(DisbursementReportResponse)
  @ApiOkResponse({
    description: 'The report as JSON, or as a CSV attachment `disbursements-<callId or all>.csv`',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(DisbursementReportResponse) } },
      'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE },
    },
  })
  @ApiProblems(400, 404)
  async disbursements(
    @Query() query: ReportQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DisbursementReportResponse | StreamableFile> {
    const report = await this.reports.disbursements(query.callId);
    res.vary('Accept');
    if (req.accepts(['application/json', 'text/csv']) !== 'text/csv') return report;
    const csv = toCsv(CSV_COLUMNS, report.items.map((item) => CSV_COLUMNS.map((column) => item[column])));
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="disbursements-${query.callId ?? 'all'}.csv"`,
    });
  }

  @Get('reports/reconciliation')
  @ApiTags('reports')
  @ApiOperation({
    summary: 'The parts’ money and everything in the books that breaks the money rules',
    description:
      'Per part: `outstandingCzk` = committed − paid (awarded, not yet paid out), `availableCzk` = allocation − committed; from the cached balances, ' +
      'which GET /ledger/check verifies against the ledger. Anomalies (judged on today’s Prague date, `asOf`): a payment without a contract or before its signature, ' +
      'payments above the award, a payment to another account than the contract’s, no settlement after the contract’s settlementDueOn, ' +
      'money to return not in after its due date (the unspent money — paid − spent — after the contract’s settlementDueOn, the money the review refused ' +
      'after its remedyDueOn; every return pays the earliest-due first), a contract over CZK 50,000 unpublished 30 days after signature. ' +
      'One anomaly per offending payment, one per application for the rest; in reference-number order.',
  })
  @Auth('budget')
  @ApiOkResponse({ type: ReconciliationResponse })
  @ApiProblems(400, 404)
  reconciliation(@Query() query: ReportQuery): Promise<ReconciliationResponse> {
    return this.reports.reconciliation(query.callId);
  }

  @Get('reports/policy')
  @ApiTags('reports')
  @ApiOperation({
    summary: 'Awarded CZK by the integration policy, target group and district',
    description:
      'Awarded = the amount of the approving decision (what the Council or Assembly granted; later releases and returns do not lower it). ' +
      'By the primary measure’s priority, sub-area and measure, in the policy’s order; by target group and district, largest first. ' +
      'An application with several target groups or districts counts its full amount in each, so those rows overlap and do not add up to the total. ' +
      'Only groups with an award are listed.',
  })
  @Auth('officer', 'budget')
  @ApiOkResponse({ type: PolicyReportResponse })
  @ApiProblems(400, 404)
  policy(@Query() query: ReportQuery): Promise<PolicyReportResponse> {
    return this.reports.policy(query.callId);
  }

  @Get('exports/360giving')
  @ApiTags('open data')
  @ApiOperation({
    summary: 'Awarded grants as a 360Giving package (open data)',
    description:
      '360Giving Data Standard 1.4: every application with an approving decision; ids `360G-CZ-ICO-00064581-<reference number>`, organisations `CZ-ICO-<IČO>`, ' +
      'funder Hlavní město Praha (CZ-ICO-00064581); amountAwarded is the decision’s amount, amountDisbursed paid less returned. ' +
      'The standard has no valid empty package: 404 NOT_FOUND while nothing has been awarded (in the call).',
  })
  @Anyone()
  @RateLimited('public')
  @ApiOkResponse({ type: ThreeSixtyGivingPackageResponse })
  @ApiProblems(400, 404, 429)
  threeSixtyGiving(@Query() query: ReportQuery): Promise<ThreeSixtyGivingPackageResponse> {
    return this.reports.threeSixtyGiving(query.callId);
  }
}
