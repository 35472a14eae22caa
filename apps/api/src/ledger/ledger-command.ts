import { Injectable } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { AccordContext } from '../graphql/accord-context';
import { type CommandInput } from '../graphql/command-input';
import { INPUT_BOUNDS } from '../graphql/input-bounds';
import { InputValidationError } from '../graphql/input-validation';
import { Clock } from './clock';
import { type CommandEnvelope } from './command-envelope';
import { CommandExecutor } from './command-executor';
import { type CommandRow, type Run } from './command-table';
import { FoldedStreams } from './folded-streams';
import { payloadHash } from './payload-hash';
import { type Receipt } from './receipt.model';

/** The one command type the CommandBus carries: a row's name, its data and its envelope. */
export class LedgerCommand extends Command<Receipt> implements Run {
  constructor(
    readonly type: string,
    readonly data: unknown,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** Every area's command rows, by name: AreasModule adds them when it starts. */
@Injectable()
export class CommandTable {
  private readonly rows = new Map<string, CommandRow>();

  add(rows: readonly CommandRow[]): void {
    for (const row of rows) {
      if (this.rows.has(row.type)) throw new Error(`command ${row.type} is declared twice`);
      this.rows.set(row.type, row);
    }
  }

  row(type: string): CommandRow {
    const row = this.rows.get(type);
    if (!row) throw new Error(`no command table declares ${type}`);
    return row;
  }
}

@CommandHandler(LedgerCommand)
export class LedgerCommandHandler implements ICommandHandler<LedgerCommand> {
  constructor(
    private readonly table: CommandTable,
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
    private readonly bus: CommandBus,
  ) {}

  async execute(command: LedgerCommand): Promise<Receipt> {
    const row = this.table.row(command.type);
    const receipt = await this.executor.execute(row, command);
    if (row.then) {
      const next = await row.then(this.streams, command.data, command.envelope);
      await this.bus.execute(new LedgerCommand(next.type, next.data, next.envelope));
    }
    return receipt;
  }
}

/** What a mutation calls: makes the envelope from the request, and sends the command. */
@Injectable()
export class Commands {
  constructor(
    private readonly bus: CommandBus,
    private readonly clock: Clock,
  ) {}

  /**
   * `pastTimes`: other business times of the input that cannot be in the future either (when a
   * meeting was held). Business time may be backdated, but a clock a few minutes fast is the
   * most accepted ahead of ours.
   */
  envelope(
    input: CommandInput & { expectedRevision?: number },
    context: AccordContext,
    pastTimes: Record<string, string> = {},
  ): CommandEnvelope {
    if (!context.actor) throw new Error('commands need an authenticated actor');
    const now = this.clock.now();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    const latest = now.getTime() + INPUT_BOUNDS.futureToleranceMs;
    const future = Object.entries({ occurredAt: occurredAt.toISOString(), ...pastTimes })
      .filter(([, time]) => Date.parse(time) > latest)
      .map(([field]) => ({
        field,
        rule: 'notInFuture',
        message: `${field} cannot be in the future`,
      }));
    if (future.length > 0) throw new InputValidationError(future);
    return {
      commandId: input.commandId ?? randomUUID(),
      correlationId: context.correlationId,
      actor: context.actor,
      occurredAt: occurredAt.toISOString(),
      expectedRevision: input.expectedRevision ?? undefined,
      payloadHash: payloadHash(input),
    };
  }

  run(type: string, data: unknown, envelope: CommandEnvelope): Promise<Receipt> {
    return this.bus.execute(new LedgerCommand(type, data, envelope));
  }
}
