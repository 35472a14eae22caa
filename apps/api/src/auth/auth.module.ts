import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TokenService } from './token.service';

/**
 * The installation's one TokenService, for every module. HTTP guards and graphql-ws (which is
 * configured outside Nest's injector) share it, so they share its cache of an issuer's keys.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(tokens: TokenService): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: TokenService, useValue: tokens }],
      exports: [TokenService],
    };
  }
}
