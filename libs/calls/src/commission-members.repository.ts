import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Role } from '@app/core';
import { UserEntity } from '@app/identity';
import type { CommissionView } from './calls.views';
import { CommissionMemberEntity } from './commission-member.entity';

/** The members of a call's DOT Commission (table `commission_member`). The writers run in the caller's transaction. */
@Injectable()
export class CommissionMembersRepository {
  /** The chair first, then by name (Czech collation). */
  async membersOf(manager: EntityManager, callId: string): Promise<CommissionView['members']> {
    const members = await manager.find(CommissionMemberEntity, { where: { callId }, relations: { user: true } });
    return members
      .map((m) => ({ userId: m.userId, fullName: m.user!.fullName, email: m.user!.email, chair: m.isChair }))
      .sort((a, b) => Number(b.chair) - Number(a.chair) || a.fullName.localeCompare(b.fullName, 'cs'));
  }

  isMember(manager: EntityManager, callId: string, userId: string): Promise<boolean> {
    return manager.existsBy(CommissionMemberEntity, { callId, userId });
  }

  /**
   * The role of each of these users that exists, by id (the candidates of a
   * commission). The users are identity's, read through its exported entity.
   */
  async rolesOf(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, Role>> {
    const users = userIds.length ? await manager.findBy(UserEntity, { id: In([...new Set(userIds)]) }) : [];
    return new Map(users.map((u) => [u.id, u.role]));
  }

  async deleteMembers(manager: EntityManager, callId: string): Promise<void> {
    await manager.delete(CommissionMemberEntity, { callId });
  }

  /** The members, `chairId` among them as the chair. */
  async insertMembers(manager: EntityManager, callId: string, memberIds: readonly string[], chairId: string): Promise<void> {
    await manager.insert(
      CommissionMemberEntity,
      memberIds.map((userId) => ({ callId, userId, isChair: userId === chairId })),
    );
  }
}
