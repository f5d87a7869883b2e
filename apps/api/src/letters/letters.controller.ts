import { Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '@app/core';
import { LettersService } from '@app/letters';
import { pageOf } from '../common/pagination.dto';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { LetterListQuery, LetterPageResponse, LetterResponse } from './dto/letters.dto';
import { ifNoneMatchHits, letterContentDisposition, letterEtag, reprDigest } from './letter-download';

/**
 * Letters are personal data: only the caller's own client may keep a copy,
 * and must revalidate it (with the token) before every reuse; a 304 then
 * spares the bytes, since a ready letter never changes.
 */
const PDF_CACHE_CONTROL = 'private, no-cache';

const PDF_HEADERS = {
  ETag: { description: 'The quoted hex SHA-256 of the PDF (strong)', schema: { type: 'string' } },
  'Repr-Digest': { description: 'RFC 9530: `sha-256=:<base64 of the digest>:`', schema: { type: 'string' } },
  'Cache-Control': { description: PDF_CACHE_CONTROL, schema: { type: 'string' } },
} as const;

@ApiTags('letters')
@Controller()
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get('applications/:id/letters')
  @ApiOperation({
    summary: 'The application’s decision letters',
    description:
      'Oldest first (by createdAt, then id). An applicant sees their own organisation’s applications only (another’s is 404). ' +
      'Officers and the Budget Department also see `failureReason`.',
  })
  @Auth('applicant', 'officer', 'budget')
  @ApiOkResponse({ type: [LetterResponse] })
  @ApiProblems(400, 404)
  list(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<LetterResponse[]> {
    return this.letters.listForApplication(caller, id);
  }

  @Get('letters')
  @ApiOperation({
    summary: 'Letters across applications',
    description:
      'Officers and the Budget Department. Newest first, with the application’s reference number and organisation; `status=failed` lists the letters an officer can retry ' +
      '(POST /letters/:id/retry), with `failureReason`.',
  })
  @Auth('officer', 'budget')
  @ApiOkResponse({ type: LetterPageResponse })
  @ApiProblems(400)
  async listAll(@Query() query: LetterListQuery): Promise<LetterPageResponse> {
    const { page, pageSize, ...filter } = query;
    return pageOf(await this.letters.list(filter, page, pageSize), query);
  }

  @Get('letters/:id/pdf')
  @ApiOperation({
    summary: 'Download a letter’s PDF',
    description:
      'An applicant only their own organisation’s letters (another’s is 404). 409 LETTER_NOT_READY while the letter is queued, and when it failed ' +
      '(an officer can retry it). `If-None-Match` with the ETag → 304 without the bytes. The bytes are checked against the stored SHA-256 before they are sent.',
  })
  @Auth('applicant', 'officer', 'budget')
  @ApiProduces('application/pdf')
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a copy the client holds' })
  @ApiOkResponse({
    description: 'The PDF, as an attachment named `<reference number>-<kind>.pdf`',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      ...PDF_HEADERS,
      'Content-Disposition': { description: 'attachment; filename="INT-2027-0001-approval.pdf"', schema: { type: 'string' } },
      'Content-Length': { description: 'Size of the PDF in bytes', schema: { type: 'integer' } },
    },
  })
  @ApiResponse({ status: 304, description: 'The client’s copy (If-None-Match) is current', headers: PDF_HEADERS })
  @ApiProblems(400, 404, 409)
  async pdf(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const letter = await this.letters.readyLetter(caller, id);
    const etag = letterEtag(letter.sha256);
    res.set({ ETag: etag, 'Repr-Digest': reprDigest(letter.sha256), 'Cache-Control': PDF_CACHE_CONTROL });
    if (ifNoneMatchHits(ifNoneMatch, etag)) {
      res.status(304).end();
      return;
    }
    const pdf = await this.letters.pdfOf(letter);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.length),
        'Content-Disposition': letterContentDisposition(letter.referenceNumber, letter.kind, letter.id),
      })
      .end(pdf);
  }

  @Post('letters/:id/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Queue a failed letter again',
    description:
      'Officers only. A failed letter goes back to `queued` in its next generation (a new queue job), with its outbox message and an audit event ' +
      '(`letter.retry`) in one transaction. 409 LETTER_NOT_FAILED for a queued or ready letter, and for all but one of concurrent retries.',
  })
  @Auth('officer')
  @ApiAcceptedResponse({ type: LetterResponse, description: 'Queued again; the worker renders it' })
  @ApiProblems(400, 404, 409)
  retry(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<LetterResponse> {
    return this.letters.retry(caller, id);
  }
}
