import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind, DocumentStatus } from './document-kind';

/**
 * A document of a call's decision: the DOT Commission's minutes of a call
 * (subject: the call, revision 1) or a resolution's annex (subject: the
 * resolution, revision: the version of the draft it shows). Written `queued`
 * with a snapshot of what it says and an outbox message; rendered once by the
 * worker, like a letter. No foreign key: the subject is a call or a resolution.
 */
@Entity('call_document')
@Index('call_document_subject_idx', ['kind', 'subjectId', 'revision'], { unique: true })
@Check('call_document_kind_check', `kind IN ('commission_minutes', 'resolution_annex')`)
@Check('call_document_status_check', `status IN ('queued', 'ready', 'failed')`)
@Check('call_document_ready_check', `status <> 'ready' OR (pdf IS NOT NULL AND sha256 IS NOT NULL AND ready_at IS NOT NULL)`)
@Check('call_document_failed_check', `status <> 'failed' OR failure_reason IS NOT NULL`)
@Check('call_document_counters_check', `revision >= 1 AND generation >= 0 AND attempts >= 0`)
export class CallDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'call_document_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: DocumentKind;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'varchar', length: 8, default: 'queued' })
  status!: DocumentStatus;

  /** What the document says, fixed when it is first requested (the render is a pure function of it). */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  pdf!: Buffer | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Bumped when a failed document is requested again: the queue job of each generation has its own id. */
  @Column({ type: 'int', default: 0 })
  generation!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt!: Date | null;
}
