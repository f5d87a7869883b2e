import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { appDatabaseUrl, dataSourceOptions } from './data-source-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        dataSourceOptions(
          appDatabaseUrl(config.get('DATABASE_URL'), config.get('DATABASE_APP_USER'), config.get('DATABASE_APP_PASSWORD')),
          { poolSize: config.get('DATABASE_POOL_SIZE') },
        ),
    }),
  ],
})
export class DatabaseModule {}
