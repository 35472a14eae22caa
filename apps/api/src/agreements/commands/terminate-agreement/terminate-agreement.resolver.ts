import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { AgreementPayload } from '../../agreement.model';
import { AgreementQueries } from '../../queries/agreement.queries';
import { TerminateAgreementCommand } from './terminate-agreement.handler';
import { TerminateAgreementInput } from './terminate-agreement.input';

@Resolver()
export class TerminateAgreementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly agreements: AgreementQueries,
  ) {}

  @Mutation(() => AgreementPayload, {
    description: 'A party terminates the agreement, with the reason; it takes no more signatures.',
  })
  async terminateAgreement(
    @Args('input') input: TerminateAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new TerminateAgreementCommand(
        { agreementId: input.agreementId, reason: input.reason },
        envelope,
      ),
    );
    return { receipt, agreement: await this.agreements.byId(input.agreementId) };
  }
}
