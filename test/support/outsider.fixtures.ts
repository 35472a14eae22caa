import { type Actor, COMMAND_NAMES, type CommandName, mutationOf } from '@accord/domain';
import { ALPHA } from './policy.fixtures';
import type { GraphqlResponse, TestApp } from './test-app';

/** Holds no role anywhere. */
export const OUTSIDER: Actor = { personId: 'zed', partnerId: 'elsewhere' };
/** A person of a member partner, without a role of their own: sees nothing of the initiative either. */
export const NO_ROLE: Actor = { personId: 'nobody.alpha', partnerId: ALPHA };

/** Each mutation of the schema, as its command, with the fields its input type takes. */
export async function mutationsOfSchema(
  app: TestApp,
): Promise<{ command: CommandName; mutation: string; inputFields: Set<string> }[]> {
  const res = await app.gql(`{ __schema { mutationType { fields { name
    args { name type { ofType { inputFields { name } } } } } } } }`);
  const fields = res.data.__schema.mutationType.fields as {
    name: string;
    args: { name: string; type: { ofType: { inputFields: { name: string }[] } } }[];
  }[];
  return fields.map(({ name, args }) => {
    const command = COMMAND_NAMES.find((c) => mutationOf(c) === name);
    if (!command) throw new Error(`mutation ${name} runs no command the policy table knows`);
    const input = args.find((arg) => arg.name === 'input');
    return {
      command,
      mutation: name,
      inputFields: new Set(input?.type.ofType.inputFields.map((f) => f.name) ?? []),
    };
  });
}

/** Input keys that name an entity a command acts on or refers to. */
const ENTITY_KEY =
  /^(initiative|commitment|decision|byDecision|meeting|agreement|indicator|measurement|risk|pool|assignment)Ids?$/;

/** The ids of entities in `input`, each with an id nobody recorded. */
export function missingCounterparts(input: Record<string, unknown>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [key, value] of Object.entries(input)) {
    if (!ENTITY_KEY.test(key)) continue;
    for (const id of Array.isArray(value) ? value : [value])
      if (typeof id === 'string') ids.set(id, `${id}-missing`);
  }
  return ids;
}

/** `value` with every id of `ids` replaced by its counterpart, in one pass (longest first). */
export function replaceIds<T>(value: T, ids: Map<string, string>): T {
  if (ids.size === 0) return value;
  const escaped = [...ids.keys()]
    .sort((a, b) => b.length - a.length)
    .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'g');
  return JSON.parse(JSON.stringify(value).replace(pattern, (id) => ids.get(id)!)) as T;
}

/** What a client sees of an answer; an internal error's request id differs from call to call. */
export function answerOf(res: GraphqlResponse): unknown {
  return {
    data: res.data ?? null,
    errors: (res.errors ?? []).map(({ message, extensions }) => {
      const { requestId: _requestId, ...rest } = extensions;
      return { message: message.replace(/request [0-9a-f-]+/g, 'request <id>'), extensions: rest };
    }),
  };
}

/** Every string leaf of a JSON value. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(stringsOf);
}
