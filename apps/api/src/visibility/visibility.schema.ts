import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  getNamedType,
  isObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  responsePathAsArray,
} from 'graphql';
import type { AccordContext } from '../graphql/accord-context';
import { toGraphQLError } from '../graphql/error-mapping';
import { NotFoundError } from '../ledger/ledger.errors';
import {
  CONFIDENTIAL_EVENT_DATA,
  CONFIDENTIAL_FIELDS,
  eventDataOwners,
  ROOT_RULES,
  type RootRule,
} from './visibility.rules';
import type { Visibility } from './visibility';
import type { ConfidentialAccess, Viewer } from './viewer';

type Args = Record<string, unknown>;
type Field = GraphQLFieldConfig<unknown, AccordContext>;
type Row = Record<string, unknown>;
type Owners = (source: Row) => string[];
type Resolver = GraphQLFieldResolver<unknown, AccordContext, Args>;

/** Worded exactly as for an id that does not exist: a hidden initiative is not even confirmed. */
const notFound = (entity: string, id: string) => toGraphQLError(new NotFoundError(entity, id))!;

/** A payload field's value as Viewer.canSee judges it: a Person row is judged as the person. */
const asItem = (typeName: string, value: unknown): unknown =>
  typeName === 'Person'
    ? { category: 'person', entityId: (value as { personId?: string }).personId }
    : value;

/** The rules whose answer is checked here; the others' resolvers keep to what their reader sees. */
type CheckedRule = Extract<RootRule, { kind: 'initiative' | 'result' }>;

const isChecked = (rule: RootRule): rule is CheckedRule =>
  rule.kind === 'initiative' || rule.kind === 'result';

/** Checks a root field's answer against its rule; throws NOT_FOUND when it is not visible. */
function rootCheck(visibility: Visibility, rule: CheckedRule) {
  return async (args: Args, context: AccordContext, answer: unknown): Promise<void> => {
    const viewer = visibility.viewerOf(context);
    if (rule.kind === 'initiative') {
      const initiativeId = String(args[rule.arg]);
      if (!(await viewer.isMember(initiativeId))) throw notFound('initiative', initiativeId);
      return;
    }
    const items = Array.isArray(answer) ? answer : answer == null ? [] : [answer];
    for (const item of items) {
      if (!(await viewer.canSee(item))) throw notFound(rule.entity, String(args[rule.idArg]));
    }
  };
}

/**
 * What a mutation's payload is judged by: each field but the receipt whose type is seen with
 * its initiative (it has `initiativeId`) or is a Person. A field of another type is shown with
 * them (a measurement with its indicator); a payload with nothing to judge it by stops the
 * server at start, so a new mutation cannot return more than a query would.
 */
function judgedFields(field: Field, name: string): { judged: Map<string, string>; all: string[] } {
  const payload = getNamedType(field.type);
  if (!isObjectType(payload) || !payload.getFields().receipt)
    throw new Error(`mutation ${name} must return a payload with a receipt`);
  const all = Object.keys(payload.getFields()).filter((key) => key !== 'receipt');
  const judged = new Map<string, string>();
  for (const key of all) {
    const type = getNamedType(payload.getFields()[key]!.type);
    if (type.name === 'Person' || (isObjectType(type) && type.getFields().initiativeId))
      judged.set(key, type.name);
  }
  if (judged.size === 0)
    throw new Error(
      `mutation ${name} returns nothing visibility can judge (no initiativeId, no Person)`,
    );
  return { judged, all };
}

/**
 * A mutation answers with its payload only as far as a query by the same reader would show it:
 * when the reader may not see what it wrote (any more), its fields but the receipt are null,
 * and `extensions.redacted` says so.
 */
function wrapMutation(field: Field, visibility: Visibility, name: string): Field {
  const { judged, all } = judgedFields(field, name);
  const payloadType = getNamedType(field.type).name;
  return around(field, async (resolve, source, args, context, info) => {
    const answer: unknown = await resolve(source, args, context, info);
    if (answer instanceof Error || answer == null) return answer;
    const payload = answer as Row;
    const viewer = visibility.viewerOf(context);
    for (const [key, typeName] of judged) {
      const value = payload[key];
      if (value == null || (await viewer.canSee(asItem(typeName, value)))) continue;
      const path = responsePathAsArray(info.path);
      for (const withheld of all)
        visibility.redact(context, {
          path: [...path, withheld],
          field: `${payloadType}.${withheld}`,
          // Named by nobody: the redaction confirms nothing the reader may not see.
          initiativeId: '',
          reason: 'not visible to you: you hold no role in its initiative now',
        });
      return { ...payload, ...Object.fromEntries(all.map((withheld) => [withheld, null])) };
    }
    return answer;
  });
}

type Call = [source: unknown, args: Args, context: AccordContext, info: GraphQLResolveInfo];

/** The field with `around` called in place of its resolver, which it is given to call. */
function around(field: Field, wrapper: (resolve: Resolver, ...call: Call) => unknown): Field {
  const resolve = (field.resolve ?? defaultFieldResolver) as Resolver;
  return { ...field, resolve: (...call: Call) => wrapper(resolve, ...call) };
}

function wrapQuery(field: Field, check: ReturnType<typeof rootCheck>): Field {
  return around(field, async (resolve, source, args, context, info) => {
    // After the resolver: its guard is what verifies the token and names the reader.
    const answer: unknown = await resolve(source, args, context, info);
    // Nest answers a failed resolver with its error, as a value: pass it on unchanged.
    if (answer instanceof Error) return answer;
    await check(args, context, answer);
    return answer;
  });
}

/** A subscription is checked when it starts, and its events stop when its reader leaves. */
function wrapSubscription(field: Field, visibility: Visibility, rule: RootRule) {
  const subscribe = field.subscribe as Resolver | undefined;
  if (!subscribe || rule.kind !== 'initiative') return field;
  return {
    ...field,
    subscribe: async (...[source, args, context, info]: Call) => {
      const viewer = visibility.viewerOf(context);
      const initiativeId = String(args[rule.arg]);
      if (!(await viewer.isMember(initiativeId))) throw notFound('initiative', initiativeId);
      const events: unknown = await subscribe(source, args, context, info);
      if (events instanceof Error || !isAsyncIterable(events)) return events;
      return whileMember(events, viewer, initiativeId);
    },
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

const CHANGES_STANDING = /^(Role|Agreement)/;

async function* whileMember(
  events: AsyncIterable<unknown>,
  viewer: Viewer,
  initiativeId: string,
): AsyncGenerator<unknown> {
  for await (const payload of events) {
    const event = Object.values(payload as Record<string, { type?: string; position?: string }>)[0];
    if (event?.type && CHANGES_STANDING.test(event.type))
      await viewer.reconsider(initiativeId, Number(event.position));
    if (!(await viewer.isMember(initiativeId))) return;
    yield payload;
  }
}

const NO_INITIATIVE = { granted: false, reason: 'confidential: it names no initiative' } as const;

function accessTo(
  visibility: Visibility,
  context: AccordContext,
  initiativeId: string | null | undefined,
  owners: readonly string[],
): Promise<ConfidentialAccess> {
  if (!initiativeId) return Promise.resolve(NO_INITIATIVE);
  return visibility.viewerOf(context).confidential(initiativeId, owners);
}

function wrapConfidential(field: Field, visibility: Visibility, name: string, owners: Owners) {
  return around(field, async (resolve, source, args, context, info) => {
    const initiativeId = (source as { initiativeId?: string | null } | null)?.initiativeId;
    const access = await accessTo(visibility, context, initiativeId, owners(source as Row));
    if (access.granted) return resolve(source, args, context, info);
    visibility.redact(context, {
      path: responsePathAsArray(info.path),
      field: name,
      initiativeId: initiativeId ?? '',
      reason: access.reason,
    });
    return null;
  });
}

/** LedgerEvent.data: the event's JSON with its confidential keys set to null for this reader. */
function wrapEventData(field: Field, visibility: Visibility) {
  return around(field, async (resolve, source, args, context, info) => {
    const text = (await resolve(source, args, context, info)) as string;
    const event = source as {
      type: string;
      initiativeId: string | null;
      category: string;
      entityId: string;
    };
    const keys = CONFIDENTIAL_EVENT_DATA[event.type];
    if (!keys) return text;
    const data = JSON.parse(text) as Row;
    const owners = [
      ...eventDataOwners(data),
      ...(await visibility.entityOwners(event.category, event.entityId)),
    ];
    const access = await accessTo(visibility, context, event.initiativeId, owners);
    if (access.granted) return text;
    const withheld = keys.filter((key) => key in data);
    for (const key of withheld) data[key] = null;
    visibility.redact(context, {
      path: responsePathAsArray(info.path),
      field: `${event.type} data`,
      initiativeId: event.initiativeId ?? '',
      reason: access.reason,
      keys: withheld,
    });
    return JSON.stringify(data);
  });
}

/**
 * Keeps every read to what its reader may see, in one place: each root field by its rule in
 * ROOT_RULES, each mutation's payload by the same rules, and each confidential field wherever
 * its type appears (queries, mutation payloads, history, time travel, subscriptions).
 */
export function applyVisibility(schema: GraphQLSchema, visibility: Visibility): GraphQLSchema {
  const ruleOf = (name: string): RootRule => {
    const rule = ROOT_RULES[name];
    if (!rule) throw new Error(`root field ${name} has no visibility rule in ROOT_RULES`);
    return rule;
  };
  return mapSchema(schema, {
    [MapperKind.QUERY_ROOT_FIELD]: (field: Field, name) => {
      const rule = ruleOf(name);
      return isChecked(rule) ? wrapQuery(field, rootCheck(visibility, rule)) : field;
    },
    [MapperKind.MUTATION_ROOT_FIELD]: (field: Field, name) => wrapMutation(field, visibility, name),
    [MapperKind.SUBSCRIPTION_ROOT_FIELD]: (field: Field, name) =>
      wrapSubscription(field, visibility, ruleOf(name)),
    [MapperKind.OBJECT_FIELD]: (field: Field, fieldName, typeName) => {
      const name = `${typeName}.${fieldName}`;
      if (name === 'LedgerEvent.data') return wrapEventData(field, visibility);
      const owners = CONFIDENTIAL_FIELDS[name];
      return owners ? wrapConfidential(field, visibility, name, owners) : field;
    },
  });
}
