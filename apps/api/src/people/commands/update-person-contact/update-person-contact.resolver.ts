import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { PersonPayload } from '../../person.model';
import { PeopleDirectory } from '../../queries/people-directory';
import { UpdatePersonContactCommand } from './update-person-contact.handler';
import { UpdatePersonContactInput } from './update-person-contact.input';

@Resolver()
export class UpdatePersonContactResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly directory: PeopleDirectory,
  ) {}

  @Mutation(() => PersonPayload, {
    description:
      'Change a person’s name, email or phone (sealed like the first ones); the earlier values stay in the ledger, sealed with the same key.',
  })
  async updatePersonContact(
    @Args('input') input: UpdatePersonContactInput,
    @RequestContext() context: AccordContext,
  ): Promise<PersonPayload> {
    const envelope = this.envelopes.create(input, context);
    const personId = input.personId ?? envelope.actor.personId;
    const receipt = await this.commandBus.execute(
      new UpdatePersonContactCommand(
        {
          personId,
          initiativeId: input.initiativeId ?? null,
          contact: { name: input.name, email: input.email, phone: input.phone },
        },
        envelope,
      ),
    );
    return { receipt, person: await this.directory.person(personId) };
  }
}
