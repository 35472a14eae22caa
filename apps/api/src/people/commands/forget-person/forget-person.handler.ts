import { type ForgetPerson, personDecider } from '@accord/domain';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { personStream } from '../../../ledger/streams';
import { PERSON_KEY_STORE, type PersonKeyStore } from '../../keys/person-key-store';

export class ForgetPersonCommand extends Command<Receipt> {
  constructor(
    readonly data: ForgetPerson['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ForgetPersonCommand)
export class ForgetPersonHandler implements ICommandHandler<ForgetPersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
    @Inject(PERSON_KEY_STORE) private readonly keys: PersonKeyStore,
  ) {}

  execute({ data, envelope }: ForgetPersonCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ForgetPerson',
      // Anyone may try; the person decider admits only themselves or backbone staff.
      subject: () => null,
      stream: personStream(data.personId),
      decider: personDecider,
      envelope,
      decide: async (person) => {
        const roster = await this.streams.roster(data.initiativeId);
        const events = personDecider.decide(
          {
            type: 'ForgetPerson',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            roster,
          },
          person,
        );
        // Erase first, then record. Should the append fail (a crash, a conflict), the person
        // already reads as erased, and running the command again (the same commandId, or a
        // new one) records it; the other order could record an erasure that did not happen.
        await this.keys.destroy(data.personId);
        return events;
      },
    });
  }
}
