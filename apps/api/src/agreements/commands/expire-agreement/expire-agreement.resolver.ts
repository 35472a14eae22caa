import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { AgreementPayload } from '../../agreement.model';
import { AgreementQueries } from '../../queries/agreement.queries';
import { ExpireAgreementCommand } from './expire-agreement.handler';
import { ExpireAgreementInput } from './expire-agreement.input';

@Resolver()
export class ExpireAgreementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly agreements: AgreementQueries,
  ) {}

  @Mutation(() => AgreementPayload, {
    description: 'Record that an agreement expired: only once its end date has passed.',
  })
  async expireAgreement(
    @Args('input') input: ExpireAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new ExpireAgreementCommand({ agreementId: input.agreementId }, envelope),
    );
    return { receipt, agreement: await this.agreements.byId(input.agreementId) };
  }
}
