import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { PersonPayload } from '../../person.model';
import { PeopleDirectory } from '../../queries/people-directory';
import { ForgetPersonCommand } from './forget-person.handler';
import { ForgetPersonInput } from './forget-person.input';

@Resolver()
export class ForgetPersonResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly directory: PeopleDirectory,
  ) {}

  @Mutation(() => PersonPayload, {
    description:
      'Erase a person: destroy their key, so their name and contact are unreadable in every event, and record who asked and why. The hash chain is untouched and still verifies.',
  })
  async forgetPerson(
    @Args('input') input: ForgetPersonInput,
    @RequestContext() context: AccordContext,
  ): Promise<PersonPayload> {
    const envelope = this.envelopes.create(input, context);
    const { personId, reason } = input;
    const receipt = await this.commandBus.execute(
      new ForgetPersonCommand(
        { personId, initiativeId: input.initiativeId ?? null, reason },
        envelope,
      ),
    );
    return { receipt, person: await this.directory.person(personId) };
  }
}
