import 'reflect-metadata';
import { type Actor, COMMAND_NAMES, type CommandName, mutationOf } from '@accord/domain';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, Query, Resolver } from '@nestjs/graphql';
import {
  type FieldNode,
  getNamedType,
  getVariableValues,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { AgreementsMutations } from '../../apps/api/src/agreements/agreements.mutations';
import { BenefitPoolsMutations } from '../../apps/api/src/benefit-pools/benefit-pools.mutations';
import { CommitmentsMutations } from '../../apps/api/src/commitments/commitments.mutations';
import { DecisionsMutations } from '../../apps/api/src/decisions/decisions.mutations';
import { toGraphQLError } from '../../apps/api/src/graphql/error-mapping';
import { type MutationRow } from '../../apps/api/src/graphql/mutation-table';
import { IndicatorsMutations } from '../../apps/api/src/indicators/indicators.mutations';
import { InitiativesMutations } from '../../apps/api/src/initiatives/initiatives.mutations';
import { type CommandEnvelope } from '../../apps/api/src/ledger/command-envelope';
import { CommandSpec } from '../../apps/api/src/ledger/testing/command-spec';
import { MeetingsMutations } from '../../apps/api/src/meetings/meetings.mutations';
import { PeopleMutations } from '../../apps/api/src/people/people.mutations';
import { RisksMutations } from '../../apps/api/src/risks/risks.mutations';
import { RosterMutations } from '../../apps/api/src/roster/roster.mutations';
import type { GraphqlResponse } from './test-app';

const AREAS = [
  InitiativesMutations,
  RosterMutations,
  CommitmentsMutations,
  DecisionsMutations,
  MeetingsMutations,
  IndicatorsMutations,
  AgreementsMutations,
  RisksMutations,
  BenefitPoolsMutations,
  PeopleMutations,
] as unknown as { rows: readonly MutationRow[] }[];

/** Every mutation row of the API, by the command it sends. */
export const MUTATION_ROWS = new Map<CommandName, MutationRow>(
  AREAS.flatMap((area) => area.rows.map((row) => [row.command, row] as const)),
);

/** A schema needs a query; the mutations' input types are what the caller reads. */
@Resolver()
class NoQueries {
  @Query(() => Boolean)
  none(): boolean {
    return true;
  }
}

/** The input types of the API's mutations, built from the same resolver classes as the app's. */
async function mutationSchema(): Promise<GraphQLSchema> {
  const builder = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await builder.init();
    return await builder.get(GraphQLSchemaFactory).create([NoQueries, ...AREAS] as never);
  } finally {
    await builder.close();
  }
}

/**
 * The mutations of the API run through the command path without HTTP, GraphQL execution or
 * Nest: a document's variables are coerced by the API's own input types (enums become their
 * domain values), its mutation row turns the input into the command's data, and the command
 * runs through every area's table, the generic handler and the CommandExecutor on an in-memory
 * ledger (CommandSpec). A refusal answers with the error the API would send (toGraphQLError);
 * an accepted command with its receipt and, under each field the document asks for besides the
 * receipt, the command's data and the events it appended.
 *
 * It takes the same `gql(document, variables, actor)` as TestApp, so a matrix of calls written
 * for the API runs here ten times faster; the end-to-end files keep a call of each kind.
 */
export class CommandCaller {
  private readonly documents = new Map<string, OperationDefinitionNode>();

  private constructor(
    readonly spec: CommandSpec,
    readonly schema: GraphQLSchema,
  ) {}

  static async open(): Promise<CommandCaller> {
    return new CommandCaller(
      await CommandSpec.open(new Date().toISOString()),
      await mutationSchema(),
    );
  }

  /** How many events the ledger holds. */
  async eventCount(): Promise<number> {
    return (await this.spec.store.headPosition()) + 1;
  }

  async gql(
    document: string,
    variables: Record<string, unknown>,
    actor: Actor,
  ): Promise<GraphqlResponse> {
    const operation = this.operation(document);
    const field = operation.selectionSet.selections[0] as FieldNode;
    const mutation = field.name.value;
    const command = COMMAND_NAMES.find((name) => mutationOf(name) === mutation);
    const row = command && MUTATION_ROWS.get(command);
    if (!row) throw new Error(`no mutation row sends ${mutation}`);
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors)
      throw new Error(`bad variables for ${mutation}: ${coerced.errors.join('; ')}`);
    const input = coerced.coerced.input as Record<string, unknown> & {
      commandId?: string;
      occurredAt?: string;
      expectedRevision?: number;
    };
    const when = {
      commandId: input.commandId ?? randomUUID(),
      occurredAt: input.occurredAt ?? this.spec.clock.now().toISOString(),
      expectedRevision: input.expectedRevision ?? undefined,
    };
    const headBefore = await this.spec.store.headPosition();
    try {
      const data = row.data(input, { ...when, actor } as CommandEnvelope);
      const receipt = await this.spec.run(command, data as object, actor, when);
      const events = await this.spec.store.readAll(headBefore + 1, 10_000);
      const answer: Record<string, unknown> = { receipt };
      for (const selection of field.selectionSet?.selections ?? []) {
        const name = (selection as FieldNode).name.value;
        if (name !== 'receipt') answer[name] = { ...(data as object), events };
      }
      return { status: 200, data: { [mutation]: answer } };
    } catch (error) {
      const refusal = toGraphQLError(error);
      if (!refusal) throw error;
      return {
        status: 200,
        data: undefined,
        errors: [
          { message: refusal.message, extensions: refusal.extensions as Record<string, any> },
        ],
      };
    }
  }

  /** The fields the command's mutation takes in its input. */
  inputFieldsOf(command: CommandName): Set<string> {
    const mutation = this.schema.getMutationType()!.getFields()[mutationOf(command)]!;
    const input = mutation.args.find((arg) => arg.name === 'input')!;
    return new Set(Object.keys((getNamedType(input.type) as GraphQLInputObjectType).getFields()));
  }

  stop(): Promise<void> {
    return this.spec.stop();
  }

  private operation(document: string): OperationDefinitionNode {
    let operation = this.documents.get(document);
    if (!operation) {
      operation = parse(document).definitions[0] as OperationDefinitionNode;
      this.documents.set(document, operation);
    }
    return operation;
  }
}
