import { admitPersonCommand, personDecider, type RegisterPerson } from '@accord/domain';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { personStream } from '../../../ledger/streams';
import { type PlainContact, sealContact } from '../../crypto/field-cipher';
import { PERSON_KEY_STORE, type PersonKeyStore } from '../../keys/person-key-store';

/** Carries the plaintext only as far as this handler, which seals it before deciding. */
export class RegisterPersonCommand extends Command<Receipt> {
  constructor(
    readonly data: Pick<RegisterPerson['data'], 'personId' | 'initiativeId'> & {
      contact: PlainContact;
    },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
    @Inject(PERSON_KEY_STORE) private readonly keys: PersonKeyStore,
  ) {}

  execute({ data, envelope }: RegisterPersonCommand): Promise<Receipt> {
    const { personId, initiativeId, contact } = data;
    return this.executor.execute({
      commandType: 'RegisterPerson',
      // Anyone may try; the person decider admits only themselves or backbone staff.
      subject: () => null,
      stream: personStream(personId),
      decider: personDecider,
      envelope,
      decide: async (person) => {
        const roster = await this.streams.roster(initiativeId);
        const head = {
          type: 'RegisterPerson' as const,
          actor: envelope.actor,
          now: envelope.occurredAt,
          data: { personId, initiativeId },
          roster,
        };
        // A refused registration must not leave a key behind: check before making one.
        admitPersonCommand(head, person);
        const key = await this.keys.keyFor(personId);
        return personDecider.decide(
          { ...head, data: { ...head.data, ...sealContact(key, personId, contact) } },
          person,
        );
      },
    });
  }
}
