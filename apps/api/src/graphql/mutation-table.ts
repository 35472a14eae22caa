import { type CommandName, mutationOf } from '@accord/domain';
import { type Type } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import { type CommandEnvelope } from '../ledger/command-envelope';
import { Commands } from '../ledger/ledger-command';
import { deriveEntityId } from '../ledger/streams';
import type { AccordContext } from './accord-context';
import { type CommandInput, type OwnField, ownFieldsOf } from './command-input';

type Row = Record<string, unknown>;

/**
 * The command's data as the input's own fields, in their order: an optional field is null when
 * absent, a chosen id derived from the commandId.
 */
function fieldsOf(own: readonly OwnField[]) {
  return (input: CommandInput, envelope: CommandEnvelope) => {
    const values = input as unknown as Row;
    return Object.fromEntries(
      own.map(({ name, nullable, derivedAs }) => [
        name,
        values[name] ??
          (derivedAs ? deriveEntityId(envelope.commandId, derivedAs) : nullable ? null : undefined),
      ]),
    );
  };
}

/** One mutation: the command it sends, its input, and how the input becomes the command's data. */
export interface MutationRow {
  command: CommandName;
  input: Type<CommandInput>;
  description: string;
  /** The command's data: what its events record, every optional field spelled out. */
  data(input: CommandInput, envelope: CommandEnvelope): unknown;
  /** Other business times of the input that cannot be in the future either. */
  pastTimes?(input: CommandInput): Record<string, string>;
  payload: Type<unknown>;
  reader: Type<unknown>;
  /** The entity as the read models show it once the command is recorded. */
  answer(reader: unknown, data: unknown): Promise<object>;
}

/** The commands whose input an area's inputs module declares, as `<Command>Input`. */
type CommandsOf<Inputs> = {
  [K in keyof Inputs]: K extends `${infer C extends CommandName}Input` ? C : never;
}[keyof Inputs];
type InputOf<Inputs, C extends string> =
  Inputs[`${C}Input` & keyof Inputs] extends Type<infer I extends CommandInput> ? I : never;

/**
 * The mutations of an area answering with one payload type, read through one query service
 * (`inputs` is the area's inputs module), then one row a mutation: `commitment('ReviseCommitment',
 * 'description')`, whose input is `inputs.ReviseCommitmentInput` and whose data is the input's
 * own fields, or `(input, envelope, own) => ({ ...own, ... })` where the data is more.
 */
export function mutationsOf<Inputs, Reader, Payload extends { receipt: unknown }, Key>(
  inputs: Inputs,
  payload: Type<Payload>,
  reader: Type<Reader>,
  answer: (reader: Reader, data: Key) => Promise<Omit<Payload, 'receipt'>>,
) {
  return <C extends CommandsOf<Inputs>, Data extends Key>(
    command: C,
    description: string,
    data?: (input: InputOf<Inputs, C>, envelope: CommandEnvelope, own: Key & Row) => Data,
    pastTimes?: (input: InputOf<Inputs, C>) => Record<string, string>,
  ): MutationRow => {
    const input = inputs[`${command}Input` as keyof Inputs] as Type<CommandInput>;
    const own = fieldsOf(ownFieldsOf(input));
    return {
      command,
      input,
      description,
      data: data
        ? (given, envelope) =>
            data(given as InputOf<Inputs, C>, envelope, own(given, envelope) as Key & Row)
        : own,
      pastTimes,
      payload,
      reader,
      answer,
    };
  };
}

/**
 * The mutations of an area whose payload holds one entity as `field`, read by its byId with the
 * id the command's data holds at `key` (`<field>Id` unless named).
 */
export function entityMutationsOf<
  Inputs,
  Payload extends { receipt: unknown },
  F extends Exclude<keyof Payload, 'receipt'> & string,
>(
  inputs: Inputs,
  payload: Type<Payload>,
  reader: Type<{ byId(id: string): Promise<Payload[F]> }>,
  field: F,
  key = `${field}Id`,
) {
  return mutationsOf(inputs, payload, reader, async (read, data: Row) => {
    const answer = { [field]: await read.byId(data[key] as string) };
    return answer as Omit<Payload, 'receipt'>;
  });
}

/**
 * An area's mutations resolver, built from its rows: each mutation validates its input (the
 * input class's rules), sends its command with the envelope made from the request, and answers
 * with the receipt and the entity, as a hand-written resolver method would.
 */
export function mutationsResolver(name: string, rows: readonly MutationRow[]): Type<unknown> {
  const readers = [...new Set(rows.map((row) => row.reader))];

  @Resolver()
  class AreaMutations {
    static readonly rows = rows;
    readonly readers: unknown[];
    constructor(
      readonly commands: Commands,
      ...readers: unknown[]
    ) {
      this.readers = readers;
    }
  }
  Object.defineProperty(AreaMutations, 'name', { value: name });
  Reflect.defineMetadata('design:paramtypes', [Commands, ...readers], AreaMutations);

  const prototype = AreaMutations.prototype as unknown as Record<string, unknown>;
  for (const row of rows) {
    const method = mutationOf(row.command);
    const reader = readers.indexOf(row.reader);
    prototype[method] = async function (
      this: AreaMutations,
      input: CommandInput,
      context: AccordContext,
    ) {
      const envelope = this.commands.envelope(input, context, row.pastTimes?.(input));
      const data = row.data(input, envelope);
      const receipt = await this.commands.run(row.command, data, envelope);
      return { receipt, ...(await row.answer(this.readers[reader], data)) };
    };
    // What TypeScript would emit for a method written out: Nest reads the input's class from it.
    Reflect.defineMetadata('design:paramtypes', [row.input, Object], prototype, method);
    Reflect.defineMetadata('design:returntype', Promise, prototype, method);
    Args('input')(prototype, method, 0);
    RequestContext()(prototype, method, 1);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, method)!;
    Mutation(() => row.payload, { description: row.description })(prototype, method, descriptor);
  }
  return AreaMutations;
}
