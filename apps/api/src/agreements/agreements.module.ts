import { Module } from '@nestjs/common';
import { AmendAgreementHandler } from './commands/amend-agreement/amend-agreement.handler';
import { AmendAgreementResolver } from './commands/amend-agreement/amend-agreement.resolver';
import { DraftAgreementHandler } from './commands/draft-agreement/draft-agreement.handler';
import { DraftAgreementResolver } from './commands/draft-agreement/draft-agreement.resolver';
import { ExpireAgreementHandler } from './commands/expire-agreement/expire-agreement.handler';
import { ExpireAgreementResolver } from './commands/expire-agreement/expire-agreement.resolver';
import { SignAgreementHandler } from './commands/sign-agreement/sign-agreement.handler';
import { SignAgreementResolver } from './commands/sign-agreement/sign-agreement.resolver';
import { TerminateAgreementHandler } from './commands/terminate-agreement/terminate-agreement.handler';
import { TerminateAgreementResolver } from './commands/terminate-agreement/terminate-agreement.resolver';
import { AgreementQueries } from './queries/agreement.queries';
import { AgreementResolver, PartnerAgreementsResolver } from './queries/agreement.resolver';

@Module({
  providers: [
    AgreementQueries,
    AgreementResolver,
    PartnerAgreementsResolver,
    DraftAgreementHandler,
    DraftAgreementResolver,
    AmendAgreementHandler,
    AmendAgreementResolver,
    SignAgreementHandler,
    SignAgreementResolver,
    TerminateAgreementHandler,
    TerminateAgreementResolver,
    ExpireAgreementHandler,
    ExpireAgreementResolver,
  ],
})
export class AgreementsModule {}
