import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Visibility } from './visibility';

/** Gives resolvers the same Visibility the schema's checks use. */
@Global()
@Module({})
export class VisibilityModule {
  static forRoot(visibility: Visibility): DynamicModule {
    return {
      module: VisibilityModule,
      providers: [{ provide: Visibility, useValue: visibility }],
      exports: [Visibility],
    };
  }
}
