import { type Type } from '@nestjs/common';
import { ArgsType } from '@nestjs/graphql';
import { anyId, inputOf, optional } from '../../graphql/input-type';
import { fieldResolvers, queriesOf } from '../../graphql/resolver-table';
import { NotFoundError } from '../../ledger/ledger.errors';
import { Visibility } from '../../visibility/visibility';
import { PersonOfPartner, Recusal, Vote } from '../../decisions/decision.model';
import { DataSteward } from '../../indicators/indicator.model';
import { EventActor } from '../../live/ledger-event.model';
import { RoleAssignment } from '../../roster/role-assignment.model';
import { Person, PersonName } from '../person.model';
import { PeopleDirectory } from './people-directory';
import { PersonNamesLoader } from './person-names.loader';

@ArgsType()
class PersonArgs extends inputOf({ personId: anyId() }, true) {}
@ArgsType()
class PeopleArgs extends inputOf({ initiativeId: optional(anyId()) }, true) {}

export const PeopleResolver = queriesOf([PeopleDirectory, Visibility], {
  person: {
    type: () => Person,
    description:
      'One person of the people directory: yourself, or someone of an initiative you are a member or observer of; NOT_FOUND otherwise, or if never registered.',
    args: PersonArgs,
    resolve: async ({ personId }, context, directory, visibility) => {
      if (!(await visibility.viewerOf(context).canSeePerson(personId)))
        throw new NotFoundError('person', personId);
      return directory.person(personId);
    },
  },
  people: {
    type: () => [Person],
    description:
      'The people directory, by id, as far as you may see it: with an initiative (of which you are a member or observer), the people its backbone staff registered and those who hold or held a role in it; without one, those of every initiative you see, and yourself.',
    args: PeopleArgs,
    resolve: async ({ initiativeId }, context, directory, visibility) => {
      const viewer = visibility.viewerOf(context);
      if (initiativeId != null) {
        if (!(await viewer.isMember(initiativeId)))
          throw new NotFoundError('initiative', initiativeId);
        return directory.people(initiativeId);
      }
      const seen = new Map<string, Person>();
      for (const visible of await viewer.visibleInitiatives())
        for (const person of await directory.people(visible)) seen.set(person.personId, person);
      if (!seen.has(viewer.actor.personId)) {
        const self = await directory.person(viewer.actor.personId).catch(() => undefined);
        if (self) seen.set(self.personId, self);
      }
      return [...seen.values()].sort((a, b) => (a.personId < b.personId ? -1 : 1));
    },
  },
});

/** The `person` field of a type that names someone by `personId`: their name, null once erased. */
const personField = (parent: Type<{ personId: string }>, who: string) =>
  fieldResolvers(parent, [PersonNamesLoader], {
    person: {
      type: () => PersonName,
      description: `${who}; null name once erased.`,
      resolve: ({ personId }, _, names) => names.load(personId),
    },
  });

export const PERSON_RESOLVERS = [
  PeopleResolver,
  personField(RoleAssignment, 'Who holds the role'),
  personField(EventActor, 'Who acted'),
  personField(PersonOfPartner, 'Who this is'),
  personField(Vote, 'Who voted'),
  personField(Recusal, 'Who recused'),
  personField(DataSteward, 'Who keeps the data'),
];
