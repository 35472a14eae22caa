import type {
  ApolloServerPlugin,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import {
  type GraphQLFormattedError,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
} from 'graphql';
import { AccordMetrics } from './metrics';

/** The root fields of a mutation: each is one command. */
function commandsOf(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.name.value] : [],
  );
}

/** The code a command was refused with: the first error whose path starts at its field. */
function outcomeOf(command: string, errors: readonly GraphQLFormattedError[]): string {
  const error = errors.find((e) => !e.path || e.path[0] === command);
  if (!error) return 'OK';
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** Counts and times every GraphQL operation, and each command of a mutation by outcome. */
@Plugin()
export class MetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: AccordMetrics) {}

  requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const started = process.hrtime.bigint();
    const { metrics } = this;
    return Promise.resolve({
      willSendResponse(context: GraphQLRequestContextWillSendResponse<object>) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const operation = metrics.operationLabel(context.operationName);
        const type = context.operation?.operation ?? 'invalid';
        const body = context.response.body;
        const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
        metrics.requestSeconds.observe({ operation, type }, seconds);
        metrics.requests.inc({ operation, type, result: errors.length > 0 ? 'error' : 'ok' });
        if (context.operation?.operation === OperationTypeNode.MUTATION) {
          for (const command of commandsOf(context.operation))
            metrics.commands.inc({ command, outcome: outcomeOf(command, errors) });
        }
        return Promise.resolve();
      },
    });
  }
}
