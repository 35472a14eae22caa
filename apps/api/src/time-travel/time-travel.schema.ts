import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';

/** Queries about the ledger itself, not a read model: they always answer for now. */
const PRESENT_ONLY = new Set(['projections', 'verifyLedger']);

export const TIME_TRAVEL_ARGUMENTS = ['asOf', 'knownAt', 'atPosition'] as const;
export type TimeTravelArgument = (typeof TIME_TRAVEL_ARGUMENTS)[number];

/**
 * Gives every query of a read model the same three optional arguments, in one place, so a new
 * query cannot forget them. The time-travel plugin reads them; resolvers never see them.
 */
export function addTimeTravelArguments(schema: GraphQLSchema): GraphQLSchema {
  const dateTime = schema.getType('DateTime') as GraphQLScalarType;
  const args: GraphQLFieldConfigArgumentMap = {
    asOf: {
      type: dateTime,
      description:
        'The state as it was at this business time, as the ledger knows it now: every event that occurred by then, including facts recorded later and backdated. The whole operation reads at this point.',
    },
    knownAt: {
      type: dateTime,
      description:
        'The state as the ledger had recorded it at this moment: facts recorded later, backdated or not, are left out. The whole operation reads at this point.',
    },
    atPosition: {
      type: GraphQLString,
      description:
        'The state just after the event at this position of the log (0: before the first). The whole operation reads at this point.',
    },
  };
  return mapSchema(schema, {
    [MapperKind.QUERY_ROOT_FIELD]: (field, name) => {
      if (PRESENT_ONLY.has(name)) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        args: { ...field.args, ...args },
        resolve: (source, { asOf: _a, knownAt: _k, atPosition: _p, ...own }, context, info) =>
          resolve(source, own, context, info),
      };
    },
  });
}
