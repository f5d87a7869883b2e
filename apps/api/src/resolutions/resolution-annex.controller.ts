import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type AuthUser, CurrentUser } from '@app/core';
import { annexCsv, annexXlsx, type ResolutionAnnex } from '@app/letters';
import { ResolutionAnnexDocuments, ResolutionsService } from '@app/resolutions';
import { fileResponse, negotiate } from '../common/file-response';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { reprDigest } from '../letters/letter-download';
import { ResolutionAnnexResponse } from './dto/resolution-annex.dto';

/** `Příloha usnesení Rady HMP č. 123 – Výzva …`, or `Návrh přílohy usnesení … (verze 3)` for a draft. */
function fileName(annex: ResolutionAnnex): string {
  const body = annex.body === 'council' ? 'Rady HMP' : 'Zastupitelstva HMP';
  const title = annex.resolutionNumber === null ? `Návrh přílohy usnesení ${body} (verze ${annex.version})` : `Příloha usnesení ${body} č. ${annex.resolutionNumber}`;
  return `${title} – ${annex.call.title}`;
}

@ApiTags('resolutions')
@Controller('resolutions/:id')
export class ResolutionAnnexController {
  constructor(
    private readonly resolutions: ResolutionsService,
    private readonly documents: ResolutionAnnexDocuments,
  ) {}

  @Get('annex')
  @ApiOperation({
    summary: 'The resolution’s annex for the Council’s or Assembly’s materials',
    description:
      'Every line of the annex by part (reference number, applicant and IČO, project, requested, proposed, awarded, reason) with the totals per part ' +
      'and overall. `Accept`: application/json (default), text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (XLSX), or ' +
      'application/pdf: the Czech annex the worker renders once per version of the resolution (a draft’s is marked as a draft with its version; every edit ' +
      'and the adoption make a new version); until it is ready 409 DOCUMENT_NOT_READY. The same version is the same bytes (`Repr-Digest`: its SHA-256).',
  })
  @Auth('officer')
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiExtraModels(ResolutionAnnexResponse)
  @ApiOkResponse({
    description: 'The annex as JSON, or a CSV, XLSX or PDF attachment named after the resolution (Czech, with an ASCII fallback)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ResolutionAnnexResponse) } },
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(400, 404, 409)
  async annex(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResolutionAnnexResponse | StreamableFile> {
    const representation = negotiate(req, res, ['json', 'csv', 'xlsx', 'pdf']);
    if (representation === 'pdf') {
      const document = await this.documents.pdf(caller, id);
      res.set({ 'Repr-Digest': reprDigest(document.sha256), 'Cache-Control': 'private, no-cache' });
      return fileResponse({ body: document.pdf, representation, name: fileName(document.annex) });
    }
    const annex = await this.resolutions.annex(id);
    if (representation === 'json') return annex;
    const body = representation === 'csv' ? annexCsv(annex) : await annexXlsx(annex);
    return fileResponse({ body, representation, name: fileName(annex) });
  }
}
