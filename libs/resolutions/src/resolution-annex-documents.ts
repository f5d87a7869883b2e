import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@app/core';
import { CallDocuments, type ReadyDocument, type ResolutionAnnex } from '@app/letters';
import { ResolutionsService } from './resolutions.service';

/**
 * The annex's PDF: a call document of kind `resolution_annex`, one per
 * version of the resolution (every edit, and the adoption, make a new one),
 * rendered by the worker from the annex read once here: the snapshot it
 * stores is the version it is filed under.
 */
@Injectable()
export class ResolutionAnnexDocuments {
  constructor(
    private readonly resolutions: ResolutionsService,
    private readonly documents: CallDocuments,
  ) {}

  /** The PDF of the annex as it is now, or 409 DOCUMENT_NOT_READY while the worker renders it (queued by the first request). */
  async pdf(caller: AuthUser, resolutionId: string): Promise<ReadyDocument & { annex: ResolutionAnnex }> {
    const annex = await this.resolutions.annex(resolutionId);
    const document = await this.documents.pdf(caller, { kind: 'resolution_annex', subjectId: annex.resolutionId, revision: annex.version }, () =>
      Promise.resolve(annex),
    );
    return { ...document, annex };
  }
}
