import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { completeIdempotencyInTransactions } from '../idempotency/idempotent-request';
import { appDatabaseUrl, dataSourceOptions, type SchemaParts } from './data-source-options';

/** The database as the unprivileged app role, mapping the entities the app composed. */
@Global()
@Module({})
export class DatabaseModule {
  /**
   * One module per entity list: @nestjs/typeorm counts every forRootAsync() of a
   * process as a data source of its own (and warns about the second of one name),
   * so a process composing the API and the worker (the worker's tests) shares it.
   */
  private static readonly modules = new Map<SchemaParts['entities'], DynamicModule>();

  static forRoot(schema: Pick<SchemaParts, 'entities'>): DynamicModule {
    const known = DatabaseModule.modules.get(schema.entities);
    if (known) return known;
    const created: DynamicModule = {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            dataSourceOptions(appDatabaseUrl(config.get('DATABASE_URL'), config.get('DATABASE_APP_USER'), config.get('DATABASE_APP_PASSWORD')), {
              entities: schema.entities,
              poolSize: config.get('DATABASE_POOL_SIZE'),
            }),
          // An idempotent request's business transaction stores its answer before it commits.
          dataSourceFactory: (options) => Promise.resolve(completeIdempotencyInTransactions(new DataSource(options!))),
        }),
      ],
    };
    DatabaseModule.modules.set(schema.entities, created);
    return created;
  }
}
