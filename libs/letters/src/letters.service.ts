import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import { LETTER_RENDER_TOPIC } from './letter-requests.repository';
import { toLetterView, type LetterListView, type LetterView } from './letter-view';
import { LettersRepository, type DownloadableLetter, type LetterFilter } from './letters.repository';

/** A letter whose PDF can be served. */
export interface ReadyLetter extends DownloadableLetter {
  status: 'ready';
  sha256: string;
}

/**
 * Reading letters (applicants their organisation's, officers and the Budget
 * Department all) and an officer's retry of a letter the worker gave up on.
 */
@Injectable()
export class LettersService {
  private readonly logger = new Logger(LettersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LettersRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async listForApplication(caller: AuthUser, applicationId: string): Promise<LetterView[]> {
    if (!(await this.letters.applicationExists(applicationId, scopeOf(caller)))) throw new DomainError('NOT_FOUND', 'No such application.');
    const rows = await this.letters.listByApplication(applicationId);
    return rows.map((row) => toLetterView(row, caller));
  }

  /** Letters across applications for the staff (officers, the Budget Department: the routes allow no one else), newest first. */
  async list(filter: LetterFilter, page: number, pageSize: number): Promise<{ items: LetterListView[]; total: number }> {
    const { rows, total } = await this.letters.page(filter, page, pageSize);
    return {
      items: rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        callId: r.call_id,
        referenceNumber: r.reference_number,
        organisationName: r.organisation_name,
        kind: r.kind,
        status: r.status,
        failureReason: r.failure_reason,
        createdAt: r.created_at.toISOString(),
        readyAt: r.ready_at?.toISOString() ?? null,
      })),
      total,
    };
  }

  /** The letter if its PDF is ready: 404 when the caller may not see it, 409 LETTER_NOT_READY while queued or after failing. */
  async readyLetter(caller: AuthUser, letterId: string): Promise<ReadyLetter> {
    const letter = await this.letters.findDownloadable(letterId, scopeOf(caller));
    if (!letter) throw new DomainError('NOT_FOUND', 'No such letter.');
    if (letter.status === 'failed') {
      throw new DomainError('LETTER_NOT_READY', 'The letter could not be generated; an officer can retry it.');
    }
    if (letter.status !== 'ready' || !letter.sha256) {
      throw new DomainError('LETTER_NOT_READY', 'The letter is still being generated; try again shortly.');
    }
    return { ...letter, status: 'ready', sha256: letter.sha256 };
  }

  /** The PDF's bytes, checked against the digest stored with them (which the headers promise). */
  async pdfOf(letter: ReadyLetter): Promise<Buffer> {
    const pdf = await this.letters.pdfOf(letter.id);
    if (!pdf) throw new Error(`Ready letter ${letter.id} has no PDF`);
    const actual = createHash('sha256').update(pdf).digest('hex');
    if (actual !== letter.sha256) {
      this.logger.error({ letterId: letter.id, stored: letter.sha256, actual }, 'A letter’s PDF does not match its stored SHA-256');
      throw new Error(`Letter ${letter.id}: PDF does not match its SHA-256`);
    }
    return pdf;
  }

  /**
   * Puts a failed letter back in the queue as its next generation (a new job
   * id, so BullMQ does not take it for the failed job): the letter, its outbox
   * message and the audit event commit together. 409 LETTER_NOT_FAILED for a
   * letter that is queued or ready, also for all but one of concurrent retries.
   */
  async retry(caller: AuthUser, letterId: string): Promise<LetterView> {
    return this.dataSource.transaction(async (manager) => {
      const retried = await this.letters.requeueFailed(manager, letterId, LETTER_RENDER_TOPIC, this.clock.now());
      if (!retried) {
        const status = await this.letters.statusOf(manager, letterId);
        if (!status) throw new DomainError('NOT_FOUND', 'No such letter.');
        throw new DomainError('LETTER_NOT_FAILED', `Only a failed letter can be retried; this one is ${status}.`);
      }
      const view = toLetterView(retried, caller);
      await this.audit.append(manager, {
        actor: caller,
        action: 'letter.retry',
        entityType: 'letter',
        entityId: letterId,
        before: { status: 'failed', generation: retried.generation - 1, failureReason: retried.previous_failure_reason },
        after: { status: retried.status, generation: retried.generation },
      });
      return view;
    });
  }
}

/** Applicants read their own organisation's letters only; staff read all. */
function scopeOf(caller: AuthUser): string | null {
  if (caller.role !== 'applicant') return null;
  if (!caller.organisationId) throw new DomainError('FORBIDDEN', 'Only users of the applicant organisation may do this.');
  return caller.organisationId;
}
