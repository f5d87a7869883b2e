import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { type EnvironmentOptions, validateEnvironment } from './env.validation';

@Global()
@Module({})
export class AppConfigModule {
  private static readonly modules = new Map<boolean, DynamicModule>();

  /**
   * The validated configuration. Validation runs when an app composes its
   * modules (not when this file is imported: the migration CLI, the tests' set-up
   * and the benchmarks import libraries without being the API), once for a
   * process with access tokens (the API) and once for one without (the worker).
   */
  static forRoot(options: EnvironmentOptions = {}): DynamicModule {
    const accessTokens = options.accessTokens ?? true;
    let module = AppConfigModule.modules.get(accessTokens);
    if (!module) {
      module = {
        module: AppConfigModule,
        imports: [
          ConfigModule.forRoot({ validate: (raw) => validateEnvironment(raw, { accessTokens }), cache: true, ignoreEnvFile: true }),
        ],
        providers: [AppConfig],
        exports: [AppConfig],
      };
      AppConfigModule.modules.set(accessTokens, module);
    }
    return module;
  }
}
