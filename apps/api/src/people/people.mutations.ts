import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { PersonPayload } from './person.model';
import { PeopleDirectory } from './queries/people-directory';
import { ForgetPersonInput, RegisterPersonInput, UpdatePersonContactInput } from './people.inputs';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class PeopleMutations {
  constructor(
    private readonly commands: Commands,
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
    const { personId, reason } = input;
    const receipt = await this.commands.send('ForgetPerson', input, context, {
      personId,
      initiativeId: input.initiativeId ?? null,
      reason,
    });
    return { receipt, person: await this.directory.person(personId) };
  }

  @Mutation(() => PersonPayload, {
    description:
      'Put a person in the people directory: yourself, or someone else as backbone staff of an initiative. Name, email and phone are sealed with a key of their own.',
  })
  async registerPerson(
    @Args('input') input: RegisterPersonInput,
    @RequestContext() context: AccordContext,
  ): Promise<PersonPayload> {
    const envelope = this.commands.envelope(input, context);
    const personId = input.personId ?? envelope.actor.personId;
    const receipt = await this.commands.run(
      'RegisterPerson',
      {
        personId,
        initiativeId: input.initiativeId ?? null,
        contact: { name: input.name, email: input.email, phone: input.phone ?? null },
      },
      envelope,
    );
    return { receipt, person: await this.directory.person(personId) };
  }

  @Mutation(() => PersonPayload, {
    description:
      'Change a person’s name, email or phone (sealed like the first ones); the earlier values stay in the ledger, sealed with the same key.',
  })
  async updatePersonContact(
    @Args('input') input: UpdatePersonContactInput,
    @RequestContext() context: AccordContext,
  ): Promise<PersonPayload> {
    const envelope = this.commands.envelope(input, context);
    const personId = input.personId ?? envelope.actor.personId;
    const receipt = await this.commands.run(
      'UpdatePersonContact',
      {
        personId,
        initiativeId: input.initiativeId ?? null,
        contact: { name: input.name, email: input.email, phone: input.phone },
      },
      envelope,
    );
    return { receipt, person: await this.directory.person(personId) };
  }
}
