import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { AgreementPayload } from '../../agreement.model';
import { AgreementQueries } from '../../queries/agreement.queries';
import { sha256Hex } from '../../text-hash';
import { AmendAgreementCommand } from './amend-agreement.handler';
import { AmendAgreementInput } from './amend-agreement.input';

@Resolver()
export class AmendAgreementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly agreements: AgreementQueries,
  ) {}

  @Mutation(() => AgreementPayload, {
    description: 'Amend the text: a new version, and every party signs again.',
  })
  async amendAgreement(
    @Args('input') input: AmendAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new AmendAgreementCommand(
        {
          agreementId: input.agreementId,
          text: input.text,
          textSha256: sha256Hex(input.text),
          reason: input.reason,
        },
        envelope,
      ),
    );
    return { receipt, agreement: await this.agreements.byId(input.agreementId) };
  }
}
