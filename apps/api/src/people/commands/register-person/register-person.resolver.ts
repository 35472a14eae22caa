import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { PersonPayload } from '../../person.model';
import { PeopleDirectory } from '../../queries/people-directory';
import { RegisterPersonCommand } from './register-person.handler';
import { RegisterPersonInput } from './register-person.input';

@Resolver()
export class RegisterPersonResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly directory: PeopleDirectory,
  ) {}

  @Mutation(() => PersonPayload, {
    description:
      'Put a person in the people directory: yourself, or someone else as backbone staff of an initiative. Name, email and phone are sealed with a key of their own.',
  })
  async registerPerson(
    @Args('input') input: RegisterPersonInput,
    @RequestContext() context: AccordContext,
  ): Promise<PersonPayload> {
    const envelope = this.envelopes.create(input, context);
    const personId = input.personId ?? envelope.actor.personId;
    const receipt = await this.commandBus.execute(
      new RegisterPersonCommand(
        {
          personId,
          initiativeId: input.initiativeId ?? null,
          contact: { name: input.name, email: input.email, phone: input.phone ?? null },
        },
        envelope,
      ),
    );
    return { receipt, person: await this.directory.person(personId) };
  }
}
