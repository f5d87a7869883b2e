import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LetterKind, LetterStatus } from './domain/letter-kind';

/**
 * A decision letter to an applicant. Written `queued`, with a snapshot of
 * everything it says, in the transaction of the decision; rendered by the worker.
 */
@Entity('letter')
@Index('letter_application_id_idx', ['applicationId'])
@Check('letter_kind_check', `kind IN ('approval', 'rejection', 'ineligible', 'correction_request')`)
@Check('letter_status_check', `status IN ('queued', 'ready', 'failed')`)
@Check('letter_ready_check', `status <> 'ready' OR (pdf IS NOT NULL AND sha256 IS NOT NULL AND ready_at IS NOT NULL)`)
@Check('letter_failed_check', `status <> 'failed' OR failure_reason IS NOT NULL`)
@Check('letter_generation_check', `generation >= 0 AND attempts >= 0`)
export class LetterEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'letter_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /**
   * Declares the foreign key only: letters is a leaf library and names the
   * application's entity by its class name instead of importing it.
   */
  @ManyToOne('ApplicationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'letter_application_id_fkey' })
  application?: unknown;

  @Column({ type: 'varchar', length: 24 })
  kind!: LetterKind;

  @Column({ type: 'varchar', length: 8, default: 'queued' })
  status!: LetterStatus;

  /** What the letter says, fixed when the decision is made (the render is a pure function of it). */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  /** The rendered PDF (stored in PostgreSQL), set once with its SHA-256 when the letter becomes ready. */
  @Column({ type: 'bytea', nullable: true, select: false })
  pdf!: Buffer | null;

  /** Rendering attempts of the current generation (BullMQ retries them with exponential backoff). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Bumped by an officer's retry of a failed letter: the queue job of each generation has its own id. */
  @Column({ type: 'int', default: 0 })
  generation!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt!: Date | null;
}
