import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { AgreementPayload } from '../../agreement.model';
import { AgreementQueries } from '../../queries/agreement.queries';
import { sha256Hex } from '../../text-hash';
import { DraftAgreementCommand } from './draft-agreement.handler';
import { DraftAgreementInput } from './draft-agreement.input';

@Resolver()
export class DraftAgreementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly agreements: AgreementQueries,
  ) {}

  @Mutation(() => AgreementPayload, {
    description: 'Draft an agreement between partners: version 1 of its text, awaiting signatures.',
  })
  async draftAgreement(
    @Args('input') input: DraftAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const envelope = this.envelopes.create(input, context);
    const agreementId = input.agreementId ?? deriveEntityId(envelope.commandId, 'agreement');
    const { initiativeId, kind, title, parties, text } = input;
    const receipt = await this.commandBus.execute(
      new DraftAgreementCommand(
        {
          agreementId,
          initiativeId,
          kind,
          title,
          parties,
          text,
          textSha256: sha256Hex(text),
          endDate: input.endDate ?? null,
          ...(input.sharesConfidentialWith?.length
            ? { sharesConfidentialWith: input.sharesConfidentialWith }
            : {}),
        },
        envelope,
      ),
    );
    return { receipt, agreement: await this.agreements.byId(agreementId) };
  }
}
