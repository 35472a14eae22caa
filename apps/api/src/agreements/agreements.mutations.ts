import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { AgreementPayload } from './agreement.model';
import { AgreementQueries } from './queries/agreement.queries';
import { sha256Hex } from './text-hash';
import { AmendAgreementInput, DraftAgreementInput, ExpireAgreementInput, SignAgreementInput, TerminateAgreementInput } from './agreements.inputs';
import { deriveEntityId } from '../ledger/streams';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class AgreementsMutations {
  constructor(
    private readonly commands: Commands,
    private readonly agreements: AgreementQueries,
  ) {}

  @Mutation(() => AgreementPayload, {
    description: 'Amend the text: a new version, and every party signs again.',
  })
  async amendAgreement(
    @Args('input') input: AmendAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const receipt = await this.commands.send('AmendAgreement', input, context, {
      agreementId: input.agreementId,
      text: input.text,
      textSha256: sha256Hex(input.text),
      reason: input.reason,
    });
    return { receipt, agreement: await this.agreements.byId(input.agreementId) };
  }

  @Mutation(() => AgreementPayload, {
    description: 'Draft an agreement between partners: version 1 of its text, awaiting signatures.',
  })
  async draftAgreement(
    @Args('input') input: DraftAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const envelope = this.commands.envelope(input, context);
    const agreementId = input.agreementId ?? deriveEntityId(envelope.commandId, 'agreement');
    const { initiativeId, kind, title, parties, text } = input;
    const receipt = await this.commands.run(
      'DraftAgreement',
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
    );
    return { receipt, agreement: await this.agreements.byId(agreementId) };
  }

  @Mutation(() => AgreementPayload, {
    description: 'Record that an agreement expired: only once its end date has passed.',
  })
  async expireAgreement(
    @Args('input') input: ExpireAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const receipt = await this.commands.send('ExpireAgreement', input, context, {
      agreementId: input.agreementId,
    });
    return { receipt, agreement: await this.agreements.byId(input.agreementId) };
  }

  @Mutation(() => AgreementPayload, {
    description:
      "The party's signatory signs the current version; the last party's signature puts it in force.",
  })
  async signAgreement(
    @Args('input') input: SignAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const receipt = await this.commands.send('SignAgreement', input, context, {
      agreementId: input.agreementId,
      partnerId: input.partnerId,
      version: input.version,
    });
    return { receipt, agreement: await this.agreements.byId(input.agreementId) };
  }

  @Mutation(() => AgreementPayload, {
    description: 'A party terminates the agreement, with the reason; it takes no more signatures.',
  })
  async terminateAgreement(
    @Args('input') input: TerminateAgreementInput,
    @RequestContext() context: AccordContext,
  ): Promise<AgreementPayload> {
    const receipt = await this.commands.send('TerminateAgreement', input, context, {
      agreementId: input.agreementId,
      reason: input.reason,
    });
    return { receipt, agreement: await this.agreements.byId(input.agreementId) };
  }
}
