import {
  admitPersonCommand,
  DomainError,
  personDecider,
  type UpdatePersonContact,
} from '@accord/domain';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { personStream } from '../../../ledger/streams';
import { type PlainContact, sealField } from '../../crypto/field-cipher';
import { PERSON_KEY_STORE, type PersonKeyStore } from '../../keys/person-key-store';

/** Fields given replace those on record; phone null removes it; omitted fields stay. */
export class UpdatePersonContactCommand extends Command<Receipt> {
  constructor(
    readonly data: Pick<UpdatePersonContact['data'], 'personId' | 'initiativeId'> & {
      contact: Partial<PlainContact>;
    },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(UpdatePersonContactCommand)
export class UpdatePersonContactHandler implements ICommandHandler<UpdatePersonContactCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
    @Inject(PERSON_KEY_STORE) private readonly keys: PersonKeyStore,
  ) {}

  execute({ data, envelope }: UpdatePersonContactCommand): Promise<Receipt> {
    const { personId, initiativeId, contact } = data;
    return this.executor.execute({
      commandType: 'UpdatePersonContact',
      // Anyone may try; the person decider admits only themselves or backbone staff.
      subject: () => null,
      stream: personStream(personId),
      decider: personDecider,
      envelope,
      decide: async (person) => {
        const roster = await this.streams.roster(initiativeId);
        const head = {
          type: 'UpdatePersonContact' as const,
          actor: envelope.actor,
          now: envelope.occurredAt,
          data: { personId, initiativeId },
          roster,
        };
        admitPersonCommand(head, person);
        const key = await this.keys.find(personId);
        if (!key) {
          // Only a forgetPerson stopped between destroying the key and recording it gets here.
          throw new DomainError(
            'PERSON.KEY_DESTROYED',
            `the key of ${personId} is destroyed: their data is erased; run forgetPerson again to record it`,
            'personId',
          );
        }
        const seal = (field: 'name' | 'email', text: string | undefined) =>
          text === undefined ? undefined : sealField(key, personId, field, text);
        const phone =
          contact.phone === undefined || contact.phone === null
            ? contact.phone
            : sealField(key, personId, 'phone', contact.phone);
        return personDecider.decide(
          {
            ...head,
            data: {
              ...head.data,
              name: seal('name', contact.name),
              email: seal('email', contact.email),
              phone,
            },
          },
          person,
        );
      },
    });
  }
}
