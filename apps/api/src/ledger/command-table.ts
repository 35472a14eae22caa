import type { Actor, CommandName, Decider, Subject } from '@accord/domain';
import { type CommandEnvelope } from './command-envelope';
import { type FoldedStreams } from './folded-streams';

/** A command as its decider takes it: what every command carries, then its own fields. */
type DomainCommand = { type: string; actor: Actor; now: string; data: unknown };
type DataOf<Command> = Command extends { data: infer Data } ? Data : never;
/** What a command needs besides its data: other aggregates, folded. */
type NeedsOf<Command> = Omit<Command, keyof DomainCommand>;
type DomainEvent = { type: string; data: object };

/** What a row's `decide` override gets: the default command, and what to decide it with. */
export interface Deciding<Command, State> {
  command: Command;
  state: State;
  streams: FoldedStreams;
}

/**
 * One command of an area, declared as data: the generic path (CommandExecutor) runs every row
 * the same way: load its stream, fold, authorise its subject, decide, append, wait for the read
 * models.
 */
export interface CommandRow<Command extends DomainCommand = DomainCommand, State = unknown> {
  type: Command['type'];
  decider: Pick<Decider<Command, State, DomainEvent>, 'decide' | 'evolve' | 'initialState'>;
  stream(data: DataOf<Command>): string;
  /**
   * What the policy judges: the initiative and the partner the command concerns, from the folded
   * state or the data. Null when its target does not exist (then the decider refuses it) or
   * when anyone may run it.
   */
  subject(state: State, data: DataOf<Command>): Subject | null;
  /** The other aggregates the decider needs, folded as the actor may see them. */
  needs?(streams: FoldedStreams, data: DataOf<Command>, state: State): Promise<NeedsOf<Command>>;
  /** The policy line, for a command no mutation runs by itself (its own name otherwise). */
  policy?: CommandName;
  /** Special cases (sealing personal data) decide here instead of calling the decider directly. */
  decide?(deciding: Deciding<Command, State>): Promise<DomainEvent[]>;
  /** A command run right after this one is recorded, before the caller is answered. */
  then?(streams: FoldedStreams, data: DataOf<Command>, envelope: CommandEnvelope): Promise<Run>;
}

export interface Run {
  type: string;
  data: unknown;
  envelope: CommandEnvelope;
}

type RowSpec<Command extends DomainCommand, State> = Omit<
  CommandRow<Command, State>,
  'type' | 'decider' | 'stream'
>;

/**
 * The rows of one aggregate's commands, all on the stream `stream` names:
 * `const commitment = commandsOf(commitmentDecider, (data) => commitmentStream(data.commitmentId))`,
 * then `commitment('AcceptCommitment', { subject: (state) => inInitiativeOf(state) })`.
 */
export function commandsOf<Command extends DomainCommand, State, Data>(
  decider: Pick<Decider<Command, State, DomainEvent>, 'decide' | 'evolve' | 'initialState'>,
  stream: (data: Data) => string,
) {
  return <Type extends Command['type']>(
    type: Type,
    spec: RowSpec<Extract<Command, { type: Type }>, State>,
  ): CommandRow => ({ type, decider, stream, ...spec });
}

/** The command a row's decider takes: what every command carries, its data, and what it needs. */
export async function domainCommand(
  row: CommandRow,
  run: Run,
  streams: FoldedStreams,
  state: unknown,
): Promise<DomainCommand> {
  const { type, data, envelope } = run;
  const needs = row.needs ? await row.needs(streams, data, state) : {};
  return { type, actor: envelope.actor, now: envelope.occurredAt, data, ...needs };
}
