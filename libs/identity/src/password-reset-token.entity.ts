import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A one-time password reset token: only its SHA-256 is stored (the token is
 * shown once, to the admin who issued it). Usable until it expires, is used,
 * or is revoked (a newer reset, a password change or disabling the user).
 */
@Entity('password_reset_token')
@Unique('password_reset_token_token_hash_key', ['tokenHash'])
@Index('password_reset_token_user_id_idx', ['userId'])
@Check('password_reset_token_spent_check', `used_at IS NULL OR revoked_at IS NULL`)
export class PasswordResetTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'password_reset_token_pkey' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'password_reset_token_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'password_reset_token_issued_by_fkey' })
  issuer?: Relation<UserEntity>;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
