import { type DynamicModule, Global, Module } from '@nestjs/common';
import { SignInLinks } from './sign-in-links';
import { TokenService } from './token.service';

/**
 * The installation's one TokenService and one SignInLinks, for every module. HTTP guards and
 * graphql-ws (which is configured outside Nest's injector) share them, so they share the cache
 * of an issuer's keys and accept the same sessions.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(tokens: TokenService, links: SignInLinks): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenService, useValue: tokens },
        { provide: SignInLinks, useValue: links },
      ],
      exports: [TokenService, SignInLinks],
    };
  }
}
