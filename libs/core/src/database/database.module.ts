import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { appDatabaseUrl, dataSourceOptions, type SchemaParts } from './data-source-options';

/** The database as the unprivileged app role, mapping the entities the app composed. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(schema: Pick<SchemaParts, 'entities'>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            dataSourceOptions(appDatabaseUrl(config.get('DATABASE_URL'), config.get('DATABASE_APP_USER'), config.get('DATABASE_APP_PASSWORD')), {
              entities: schema.entities,
              poolSize: config.get('DATABASE_POOL_SIZE'),
            }),
        }),
      ],
    };
  }
}
