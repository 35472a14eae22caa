import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { ReadingTime } from '../ledger/reading-time';
import { Accountability } from './accountability.model';
import { AccountabilityQueries } from './accountability.queries';

@Resolver(() => Accountability)
export class AccountabilityResolver {
  constructor(
    private readonly queries: AccountabilityQueries,
    private readonly readingTime: ReadingTime,
  ) {}

  @Query(() => Accountability, {
    description:
      'For each partner: its commitments by status (overdue ones apart), the roles its people hold, what it bears and receives, and what it signed.',
  })
  accountability(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('on', {
      type: () => LocalDateScalar,
      nullable: true,
      description: 'The day to judge overdue commitments and roles by; today when omitted.',
    })
    on?: string,
  ): Promise<Accountability> {
    return this.queries.forInitiative(initiativeId, on ?? this.readingTime.today());
  }
}
