import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthUser, DomainError } from '@app/core';
import { CallDocuments, type CommissionMinutes, type ReadyDocument } from '@app/letters';
import { CommissionMinutesRepository } from './commission-minutes.repository';
import { commissionMinutes } from './domain/commission-minutes';
import { rankingBoard } from './domain/ranking-board';
import { maxTotal } from './domain/scoring.rules';
import { EvaluationRepository } from './evaluation.repository';

/**
 * The DOT Commission's minutes of a call's closed evaluation: for officers and
 * the members of that call's commission. The figures come from the ranking's
 * own inputs and board (the same as GET /calls/:id/ranking); the PDF is a
 * call document rendered by the worker from a snapshot of them.
 */
@Injectable()
export class CommissionMinutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EvaluationRepository,
    private readonly minutesRepository: CommissionMinutesRepository,
    private readonly documents: CallDocuments,
  ) {}

  async minutes(caller: AuthUser, callId: string): Promise<CommissionMinutes> {
    await this.checkAccess(caller, callId);
    return this.build(callId);
  }

  /** The minutes' PDF, or 409 DOCUMENT_NOT_READY while the worker renders it (queued by the first request). */
  async pdf(caller: AuthUser, callId: string): Promise<ReadyDocument & { minutes: Pick<CommissionMinutes, 'call'> }> {
    await this.checkAccess(caller, callId);
    const header = await this.minutesRepository.header(this.dataSource.manager, callId);
    if (!header) throw new DomainError('NOT_FOUND', 'No such announced call.');
    const document = await this.documents.pdf(caller, { kind: 'commission_minutes', subjectId: callId, revision: 1 }, () => this.build(callId));
    return { ...document, minutes: { call: header.call } };
  }

  /** 404 for no such announced call; 403 for a commission member of another call; 409 before the evaluation closed. */
  private async checkAccess(caller: AuthUser, callId: string): Promise<void> {
    const manager = this.dataSource.manager;
    const terms = await this.repository.callTerms(manager, callId);
    if (!terms || terms.status !== 'announced') throw new DomainError('NOT_FOUND', 'No such announced call.');
    if (caller.role === 'commission' && !(await this.repository.isMember(manager, callId, caller.id))) {
      throw new DomainError('NOT_A_COMMISSION_MEMBER', "You are not a member of this call's commission.");
    }
    if (terms.evaluationClosedAt === null) throw new DomainError('EVALUATION_NOT_CLOSED', 'The minutes are written when the evaluation of the call closes.');
  }

  /** One read in a repeatable-read transaction: the ranking's inputs, the members and the conflicts seen at one moment. */
  private build(callId: string): Promise<CommissionMinutes> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const terms = await this.repository.callTerms(manager, callId);
      const header = await this.minutesRepository.header(manager, callId);
      if (!terms || !header || terms.evaluationClosedAt === null) throw new Error(`Call ${callId} changed while its minutes were read`);
      const { applications, sheets } = await this.repository.rankingInputs(manager, callId);
      const icos = await this.minutesRepository.icos(manager, callId);
      const members = await this.minutesRepository.members(manager, callId);
      const conflicts = await this.minutesRepository.conflicts(manager, callId);
      const boardTerms = { rankingMethod: terms.rankingMethod, quorum: terms.quorum, minScore: terms.minScore, maxTotal: maxTotal(terms.criteria) };
      const board = rankingBoard(
        applications.map((a) => ({ ...a, applicantName: a.organisationName, ico: icos.get(a.applicationId) ?? '' })),
        sheets,
        boardTerms,
        terms.parts.map((p) => p.code),
      );
      return commissionMinutes({
        call: header.call,
        terms: boardTerms,
        evaluationClosedAt: terms.evaluationClosedAt,
        parts: terms.parts.map((p) => ({ code: p.code, name: header.partNames.get(p.code) ?? p.code, allocationCzk: p.allocationCzk })),
        members,
        board,
        sheets,
        conflicts,
      });
    });
  }
}
