import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { validateEnvironment } from './env.validation';

@Global()
@Module({})
export class AppConfigModule {
  private static module: DynamicModule | undefined;

  /**
   * The validated configuration. Validation runs when an app composes its
   * modules (not when this file is imported: the migration CLI, the tests' set-up
   * and the benchmarks import libraries without being the API).
   */
  static forRoot(): DynamicModule {
    AppConfigModule.module ??= {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ validate: validateEnvironment, cache: true, ignoreEnvFile: true })],
      providers: [AppConfig],
      exports: [AppConfig],
    };
    return AppConfigModule.module;
  }
}
