import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PersonOfPartner, Recusal, Vote } from '../../decisions/decision.model';
import { DataSteward } from '../../indicators/indicator.model';
import { EventActor } from '../../live/ledger-event.model';
import { RoleAssignment } from '../../roster/role-assignment.model';
import { Person, PersonName } from '../person.model';
import { PeopleDirectory } from './people-directory';
import { PersonNamesLoader } from './person-names.loader';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(private readonly directory: PeopleDirectory) {}

  @Query(() => Person, {
    description: 'One person of the people directory; NOT_FOUND if never registered.',
  })
  person(@Args('personId', { type: () => ID }) personId: string): Promise<Person> {
    return this.directory.person(personId);
  }

  @Query(() => [Person], {
    description:
      'The people directory, by id; with an initiative, the people its backbone staff registered and those who hold or held a role in it.',
  })
  people(
    @Args('initiativeId', { type: () => ID, nullable: true }) initiativeId?: string,
  ): Promise<Person[]> {
    return this.directory.people(initiativeId ?? undefined);
  }
}

@Resolver(() => RoleAssignment)
export class RoleAssignmentPersonResolver {
  constructor(private readonly names: PersonNamesLoader) {}

  @ResolveField(() => PersonName, { description: 'Who holds the role; null name once erased.' })
  person(@Parent() assignment: RoleAssignment): Promise<PersonName> {
    return this.names.load(assignment.personId);
  }
}

@Resolver(() => EventActor)
export class EventActorPersonResolver {
  constructor(private readonly names: PersonNamesLoader) {}

  @ResolveField(() => PersonName, { description: 'Who acted; null name once erased.' })
  person(@Parent() actor: EventActor): Promise<PersonName> {
    return this.names.load(actor.personId);
  }
}

@Resolver(() => PersonOfPartner)
export class PersonOfPartnerPersonResolver {
  constructor(private readonly names: PersonNamesLoader) {}

  @ResolveField(() => PersonName, { description: 'Who this is; null name once erased.' })
  person(@Parent() parent: PersonOfPartner): Promise<PersonName> {
    return this.names.load(parent.personId);
  }
}

@Resolver(() => Vote)
export class VotePersonResolver {
  constructor(private readonly names: PersonNamesLoader) {}

  @ResolveField(() => PersonName, { description: 'Who voted; null name once erased.' })
  person(@Parent() vote: Vote): Promise<PersonName> {
    return this.names.load(vote.personId);
  }
}

@Resolver(() => Recusal)
export class RecusalPersonResolver {
  constructor(private readonly names: PersonNamesLoader) {}

  @ResolveField(() => PersonName, { description: 'Who recused; null name once erased.' })
  person(@Parent() recusal: Recusal): Promise<PersonName> {
    return this.names.load(recusal.personId);
  }
}

@Resolver(() => DataSteward)
export class DataStewardPersonResolver {
  constructor(private readonly names: PersonNamesLoader) {}

  @ResolveField(() => PersonName, { description: 'Who keeps the data; null name once erased.' })
  person(@Parent() steward: DataSteward): Promise<PersonName> {
    return this.names.load(steward.personId);
  }
}
