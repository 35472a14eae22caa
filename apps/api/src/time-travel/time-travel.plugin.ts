import { type ReadPoint, ReadPointError, TimeTravel } from '@accord/projections';
import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestListener,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import {
  type FieldNode,
  getArgumentValues,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type SelectionSetNode,
} from 'graphql';
import type { AccordContext } from '../graphql/accord-context';
import { ErrorCodes } from '../graphql/error-mapping';
import { TIME_TRAVEL_ARGUMENTS } from './time-travel.schema';

const badPoint = (field: string, rule: string, message: string) =>
  new GraphQLError(message, {
    extensions: {
      code: ErrorCodes.BAD_USER_INPUT,
      fields: [{ field, rule, message }],
      http: { status: 400 },
    },
  });

/** The operation's root fields, through inline fragments and fragment spreads. */
function rootFields(
  selections: SelectionSetNode,
  context: GraphQLRequestContextDidResolveOperation<AccordContext>,
): FieldNode[] {
  return selections.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, context);
    const fragment = context.document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
    );
    return fragment && fragment.kind === Kind.FRAGMENT_DEFINITION
      ? rootFields(fragment.selectionSet, context)
      : [];
  });
}

const samePoint = (a: ReadPoint, b: ReadPoint) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads a query's asOf / knownAt / atPosition before anything resolves, and makes the whole
 * operation read the read models at that point: nested fields included, with no resolver
 * passing it on. One operation reads at one point; two different points are refused.
 */
@Plugin()
export class TimeTravelPlugin implements ApolloServerPlugin<AccordContext> {
  constructor(private readonly travel: TimeTravel) {}

  requestDidStart(): Promise<GraphQLRequestListener<AccordContext>> {
    const travel = this.travel;
    return Promise.resolve({
      async didResolveOperation(context) {
        const operation = context.operation;
        if (operation?.operation !== OperationTypeNode.QUERY) return;
        const queryType = context.schema.getQueryType()!;
        let point: ReadPoint | undefined;
        for (const field of rootFields(operation.selectionSet, context)) {
          const definition = queryType.getFields()[field.name.value];
          if (!definition) continue;
          const values = getArgumentValues(definition, field, context.request.variables ?? {});
          const given = TIME_TRAVEL_ARGUMENTS.filter((name) => values[name] != null);
          if (given.length > 1)
            throw badPoint(
              given[1]!,
              'onePoint',
              `give one of asOf, knownAt and atPosition, not ${given.join(' and ')}`,
            );
          if (given.length === 0) continue;
          const name = given[0]!;
          const raw = values[name] as Date | string;
          let fieldPoint: ReadPoint;
          if (name === 'atPosition') {
            if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw))
              throw badPoint(name, 'isPosition', 'atPosition must be a decimal integer >= 0');
            fieldPoint = { atPosition: Number(raw) };
          } else
            fieldPoint = {
              [name]: raw instanceof Date ? raw.toISOString() : String(raw),
            } as ReadPoint;
          if (point && !samePoint(point, fieldPoint))
            throw badPoint(
              name,
              'samePoint',
              'every field of one operation reads at the same point',
            );
          point = fieldPoint;
        }
        if (!point) return;
        try {
          if (!travel.enter(await travel.view(point), await travel.momentOf(point)))
            throw new Error('time travel needs the request to run inside TimeTravel.run');
        } catch (error) {
          if (error instanceof ReadPointError)
            throw badPoint(error.field, error.rule, error.message);
          throw error;
        }
      },
      willSendResponse() {
        travel.leave();
        return Promise.resolve();
      },
    });
  }
}
