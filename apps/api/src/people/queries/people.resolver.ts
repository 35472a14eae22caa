import { type Type } from '@nestjs/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { AccordContext } from '../../graphql/accord-context';
import { NotFoundError } from '../../ledger/ledger.errors';
import { Visibility } from '../../visibility/visibility';
import { PersonOfPartner, Recusal, Vote } from '../../decisions/decision.model';
import { DataSteward } from '../../indicators/indicator.model';
import { EventActor } from '../../live/ledger-event.model';
import { RoleAssignment } from '../../roster/role-assignment.model';
import { Person, PersonName } from '../person.model';
import { PeopleDirectory } from './people-directory';
import { fieldResolvers } from '../../graphql/field-resolver';
import { PersonNamesLoader } from './person-names.loader';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly directory: PeopleDirectory,
    private readonly visibility: Visibility,
  ) {}

  @Query(() => Person, {
    description:
      'One person of the people directory: yourself, or someone of an initiative you are a member or observer of; NOT_FOUND otherwise, or if never registered.',
  })
  async person(
    @Args('personId', { type: () => ID }) personId: string,
    @Context() context: AccordContext,
  ): Promise<Person> {
    if (!(await this.visibility.viewerOf(context).canSeePerson(personId)))
      throw new NotFoundError('person', personId);
    return this.directory.person(personId);
  }

  @Query(() => [Person], {
    description:
      'The people directory, by id, as far as you may see it: with an initiative (of which you are a member or observer), the people its backbone staff registered and those who hold or held a role in it; without one, those of every initiative you see, and yourself.',
  })
  async people(
    @Context() context: AccordContext,
    @Args('initiativeId', { type: () => ID, nullable: true }) initiativeId?: string,
  ): Promise<Person[]> {
    const viewer = this.visibility.viewerOf(context);
    if (initiativeId != null) {
      if (!(await viewer.isMember(initiativeId)))
        throw new NotFoundError('initiative', initiativeId);
      return this.directory.people(initiativeId);
    }
    const seen = new Map<string, Person>();
    for (const visible of await viewer.visibleInitiatives())
      for (const person of await this.directory.people(visible)) seen.set(person.personId, person);
    if (!seen.has(viewer.actor.personId)) {
      const self = await this.directory.person(viewer.actor.personId).catch(() => undefined);
      if (self) seen.set(self.personId, self);
    }
    return [...seen.values()].sort((a, b) => (a.personId < b.personId ? -1 : 1));
  }
}

/** The `person` field of a type that names someone by `personId`: their name, null once erased. */
const personField = (parent: Type<{ personId: string }>, who: string) =>
  fieldResolvers(parent, PersonNamesLoader, {
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
