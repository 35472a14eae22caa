import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { AgreementPayload } from '../../agreement.model';
import { AgreementQueries } from '../../queries/agreement.queries';
import { SignAgreementCommand } from './sign-agreement.handler';
import { SignAgreementInput } from './sign-agreement.input';

@Resolver()
export class SignAgreementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly agreements: AgreementQueries,
  ) {}

  @Mutation(() => AgreementPayload, {
    description:
      "The party's signatory signs the current version; the last party's signature puts it in force.",
  })
  async signAgreement(
    @Args('input') input: SignAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new SignAgreementCommand(
        { agreementId: input.agreementId, partnerId: input.partnerId, version: input.version },
        envelope,
      ),
    );
    return { receipt, agreement: await this.agreements.byId(input.agreementId) };
  }
}
