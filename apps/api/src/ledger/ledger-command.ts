import { Injectable } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccordContext } from '../graphql/accord-context';
import { type CommandInput } from '../graphql/command-input';
import { type CommandEnvelope } from './command-envelope';
import { CommandExecutor } from './command-executor';
import { type CommandRow, type Run } from './command-table';
import { EnvelopeFactory } from './envelope.factory';
import { FoldedStreams } from './folded-streams';
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

  get names(): string[] {
    return [...this.rows.keys()];
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
    private readonly envelopes: EnvelopeFactory,
  ) {}

  /** `pastTimes`: other business times of the input that cannot be in the future either. */
  envelope(
    input: CommandInput,
    context: AccordContext,
    pastTimes?: Record<string, string>,
  ): CommandEnvelope {
    return this.envelopes.create(input, context, pastTimes);
  }

  run(type: string, data: unknown, envelope: CommandEnvelope): Promise<Receipt> {
    return this.bus.execute(new LedgerCommand(type, data, envelope));
  }
}
