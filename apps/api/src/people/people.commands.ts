import { admitPersonCommand, DomainError, personDecider } from '@accord/domain';
import { commandsOf } from '../ledger/command-table';
import { type FoldedStreams } from '../ledger/folded-streams';
import { personStream } from '../ledger/streams';
import {
  type PersonKeyStore,
  type PlainContact,
  sealContact,
  sealField,
} from '@accord/personal-data';

const person = commandsOf(personDecider, (data: { personId: string }) =>
  personStream(data.personId),
);
/** Anyone may try; the person decider admits only themselves or backbone staff. */
const byThemselvesOrStaff = {
  subject: () => null,
  needs: async (streams: FoldedStreams, data: { initiativeId: string | null }) => ({
    roster: await streams.roster(data.initiativeId),
  }),
};

/**
 * The people directory's commands carry plaintext contact data only as far as here: it is
 * sealed with the person's own key before it is decided and recorded.
 */
export const peopleCommands = (keys: PersonKeyStore) => [
  person('RegisterPerson', {
    ...byThemselvesOrStaff,
    decide: async ({ command, state }) => {
      const { contact, ...data } = command.data as typeof command.data & { contact: PlainContact };
      const head = { ...command, data };
      // A refused registration must not leave a key behind: check before making one.
      admitPersonCommand(head, state);
      const key = await keys.keyFor(data.personId);
      return personDecider.decide(
        { ...head, data: { ...data, ...sealContact(key, data.personId, contact) } },
        state,
      );
    },
  }),
  person('UpdatePersonContact', {
    ...byThemselvesOrStaff,
    decide: async ({ command, state }) => {
      const { contact, ...data } = command.data as typeof command.data & {
        contact: Partial<PlainContact>;
      };
      const { personId } = data;
      const head = { ...command, data };
      admitPersonCommand(head, state);
      const key = await keys.find(personId);
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
            ...data,
            name: seal('name', contact.name),
            email: seal('email', contact.email),
            phone,
          },
        },
        state,
      );
    },
  }),
  person('ForgetPerson', {
    ...byThemselvesOrStaff,
    decide: async ({ command, state }) => {
      const events = personDecider.decide(command, state);
      // Erase first, then record. Should the append fail (a crash, a conflict), the person
      // already reads as erased, and running the command again (the same commandId, or a
      // new one) records it; the other order could record an erasure that did not happen.
      await keys.destroy(command.data.personId);
      return events;
    },
  }),
];
