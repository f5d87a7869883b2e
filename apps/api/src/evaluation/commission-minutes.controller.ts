import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type AuthUser, CurrentUser } from '@app/core';
import { CommissionMinutesService } from '@app/evaluation';
import { minutesCsv } from '@app/letters';
import { fileResponse, negotiate } from '../common/file-response';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { reprDigest } from '../letters/letter-download';
import { CommissionMinutesResponse } from './dto/commission-minutes.dto';

const FILE_NAME = 'Zápis z jednání Komise DOT';

@ApiTags('evaluation')
@Controller('calls/:id')
export class CommissionMinutesController {
  constructor(private readonly minutes: CommissionMinutesService) {}

  @Get('commission-minutes')
  @ApiOperation({
    summary: 'The DOT Commission’s minutes of the call',
    description:
      'Officers, and the members of this call’s commission (a member of another call’s: 403 NOT_A_COMMISSION_MEMBER). After the evaluation closed ' +
      '(before: 409 EVALUATION_NOT_CLOSED). The call, the members (chair marked), per part each application’s conflicts (declared / automatic), ' +
      'each member’s counted total, the average, normalised score, rank, recommendation and proposal as the ranking has them (GET /calls/:id/ranking), ' +
      'and the funding line. `Accept`: application/json (default), text/csv (one record per application, a column per member), or application/pdf: the Czech minutes ' +
      'the worker renders once from a snapshot taken on the first request; until it is ready 409 DOCUMENT_NOT_READY (also when rendering failed: it is queued again, ' +
      'and the reason is in the detail). The PDF is the same bytes on every request (`Repr-Digest`: its SHA-256).',
  })
  @Auth('officer', 'commission')
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiExtraModels(CommissionMinutesResponse)
  @ApiOkResponse({
    description: 'The minutes as JSON, or a CSV or PDF attachment named after the minutes (Czech, with an ASCII fallback)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CommissionMinutesResponse) } },
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(400, 404, 409)
  async get(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommissionMinutesResponse | StreamableFile> {
    const representation = negotiate(req, res, ['json', 'csv', 'pdf']);
    if (representation === 'pdf') {
      const document = await this.minutes.pdf(caller, id);
      res.set({ 'Repr-Digest': reprDigest(document.sha256), 'Cache-Control': 'private, no-cache' });
      return fileResponse({ body: document.pdf, representation, name: `${FILE_NAME} – ${document.minutes.call.title}` });
    }
    const minutes = await this.minutes.minutes(caller, id);
    if (representation === 'json') return minutes;
    return fileResponse({ body: minutesCsv(minutes), representation, name: `${FILE_NAME} – ${minutes.call.title}` });
  }
}
