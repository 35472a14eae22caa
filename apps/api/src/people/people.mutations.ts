import * as inputs from './people.inputs';
import { PersonPayload } from './person.model';
import { PeopleDirectory } from './queries/people-directory';
import { mutationsOf, mutationsResolver } from '../graphql/mutation-table';

const person = mutationsOf(
  inputs,
  PersonPayload,
  PeopleDirectory,
  async (read, data: { personId: string }) => ({ person: await read.person(data.personId) }),
);

export const PeopleMutations = mutationsResolver('PeopleMutations', [
  person(
    'ForgetPerson',
    'Erase a person: destroy their key, so their name and contact are unreadable in every event, and record who asked and why. The hash chain is untouched and still verifies.',
  ),
  person(
    'RegisterPerson',
    'Put a person in the people directory: yourself, or someone else as backbone staff of an initiative. Name, email and phone are sealed with a key of their own.',
    (input, envelope) => ({
      personId: input.personId ?? envelope.actor.personId,
      initiativeId: input.initiativeId ?? null,
      contact: { name: input.name, email: input.email, phone: input.phone ?? null },
    }),
  ),
  person(
    'UpdatePersonContact',
    'Change a person’s name, email or phone (sealed like the first ones); the earlier values stay in the ledger, sealed with the same key.',
    (input, envelope) => ({
      personId: input.personId ?? envelope.actor.personId,
      initiativeId: input.initiativeId ?? null,
      contact: { name: input.name, email: input.email, phone: input.phone },
    }),
  ),
]);
