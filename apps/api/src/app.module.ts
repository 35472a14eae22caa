import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, type LogLevel, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AreasModule } from './areas.module';
import { AuthModule } from './auth/auth.module';
import { GqlAuthGuard } from './auth/gql-auth.guard';
import { HealthController } from './health/health.controller';
import { type AccordConfig } from './config/accord-config';
import { buildContext } from './graphql/accord-context';
import { GraphiqlAssetsController } from './graphql/graphiql/graphiql.controller';
import { graphiqlLandingPage } from './graphql/graphiql/graphiql.plugin';
import { GraphqlExceptionFilter } from './graphql/graphql-exception.filter';
import { inputValidationPipe } from './graphql/input-validation';
import { objectLimit } from './graphql/list-cost';
import { QUERY_LIMITS, queryLimits } from './graphql/query-limits';
import { LedgerModule } from './ledger/ledger.module';
import { LogIntactGuard } from './ledger/log-intact.guard';
import { graphqlWsOptions } from './live/graphql-ws.options';
import { TokenService } from './auth/token.service';
import { SignInLinks } from './auth/sign-in-links';
import { WebSessionController } from './auth/web-session.controller';
import { OidcSignIn } from './auth/oidc-sign-in';
import { OidcSignInController } from './auth/oidc-sign-in.controller';
import { LedgerStatusResolver } from './ledger-status/ledger-status.resolver';
import { LedgerVerification } from './ledger-status/ledger-verification';
import { addTimeTravelArguments } from './time-travel/time-travel.schema';
import { TimeTravelModule } from './time-travel/time-travel.module';
import { type Ledger } from './ledger/open-ledger';
import { loggingParams } from './observability/logging';
import { ObservabilityModule } from './observability/observability.module';
import { TransparencyModule } from './transparency/transparency.module';

import { redactionsPlugin } from './visibility/redactions.plugin';
import { Visibility } from './visibility/visibility';
import { VisibilityModule } from './visibility/visibility.module';
import { applyVisibility } from './visibility/visibility.schema';
import type { GraphQLSchema } from 'graphql';

export const GRAPHQL_PATH = '/graphql';

@Module({})
export class AppModule {
  static forRoot(
    config: AccordConfig,
    ledger: Ledger,
    logLevels: LogLevel[] | false = ['error', 'warn', 'log'],
  ): DynamicModule {
    const limits = queryLimits(config.production);
    const visibility = new Visibility(ledger.readModels);
    const tokens = new TokenService(config.jwt, config.oidc);
    const links = new SignInLinks(ledger.readModels);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggingParams(logLevels, process.stdout.isTTY === true)),
        LedgerModule.forRoot(config, ledger),
        AuthModule.forRoot(tokens, links),
        ObservabilityModule,
        VisibilityModule.forRoot(visibility),
        CqrsModule.forRoot(),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: !config.production,
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          validationRules: limits.validationRules,
          // Errors of field resolvers (a bad `first` of a nested page) are mapped like the rest.
          fieldResolverEnhancers: ['filters'],
          plugins: [
            redactionsPlugin,
            // No field sets a cache hint, and Apollo's cache-control plugin wraps every field's
            // resolver to look for one: a tenth of the accountability view's time.
            ApolloServerPluginCacheControlDisabled(),
            ...limits.plugins,
            objectLimit(QUERY_LIMITS.maxObjects),
            ...(config.production ? [] : [graphiqlLandingPage(GRAPHQL_PATH)]),
          ],
          context: buildContext,
          transformSchema: (schema: GraphQLSchema) =>
            applyVisibility(addTimeTravelArguments(schema), visibility),
          subscriptions: {
            'graphql-ws': graphqlWsOptions(tokens, links, limits.validationRules),
          },
        }),
        AreasModule,
        TimeTravelModule,
        TransparencyModule.forRoot(config, ledger),
      ],
      controllers: [
        HealthController,
        WebSessionController,
        ...(config.oidc?.client ? [OidcSignInController] : []),
        ...(config.production ? [] : [GraphiqlAssetsController]),
      ],
      providers: [
        ...(config.oidc?.client
          ? [{ provide: OidcSignIn, useValue: new OidcSignIn(config.oidc, config.oidc.client) }]
          : []),
        LedgerStatusResolver,
        LedgerVerification,
        { provide: APP_GUARD, useClass: GqlAuthGuard },
        { provide: APP_GUARD, useClass: LogIntactGuard },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
      ],
    };
  }
}
