import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TokenVersionSource } from '@app/core';
import { UsersRepository } from './users.repository';

/** core's TokenVersionSource: a user's token version from `user_account`. */
@Injectable()
export class UserTokenVersions extends TokenVersionSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
  ) {
    super();
  }

  current(userId: string): Promise<number | null> {
    return this.users.tokenVersion(this.dataSource.manager, userId);
  }
}

/**
 * identity's implementation of the port core's authentication declares
 * (TokenVersionSource). Global, so core's Authenticator finds it without
 * core importing identity: the API imports this module once.
 */
@Global()
@Module({
  providers: [UsersRepository, { provide: TokenVersionSource, useClass: UserTokenVersions }],
  exports: [TokenVersionSource],
})
export class IdentityPortsModule {}
