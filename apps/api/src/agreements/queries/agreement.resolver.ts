import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Partner } from '../../initiatives/initiative.model';
import {
  Agreement,
  AgreementConnection,
  AgreementsArgs,
  PartnerAgreements,
  PartyAgreementConnection,
  agreementPages,
} from '../agreement.model';
import { listPage } from '@accord/projections';
import { PageArgs, toPageRequest } from '../../graphql/pagination';
import { AgreementQueries } from './agreement.queries';

@Resolver(() => Agreement)
export class AgreementResolver {
  constructor(private readonly queries: AgreementQueries) {}

  @Query(() => Agreement, {
    description: 'One agreement; NOT_FOUND if there is none with this id.',
  })
  agreement(@Args('id', { type: () => ID }) id: string): Promise<Agreement> {
    return this.queries.byId(id);
  }

  @Query(() => AgreementConnection, {
    description: "An initiative's agreements, optionally in one status, in the order drafted.",
  })
  agreements(@Args() args: AgreementsArgs): Promise<AgreementConnection> {
    const { initiativeId, status, first, after } = args;
    return this.queries.list({ initiativeId, ...(status ? { status } : {}) }, { first, after });
  }
}

@Resolver(() => Partner)
export class PartnerAgreementsResolver {
  constructor(private readonly queries: AgreementQueries) {}

  @ResolveField(() => PartnerAgreements, {
    description:
      'Live agreements this partner signed (current version) and those awaiting its signature.',
  })
  agreements(@Parent() partner: Partner): Promise<PartnerAgreements> {
    return this.queries.ofPartner(partner.initiativeId, partner.partnerId);
  }
}

/** A partner's agreements, signed or pending, a page at a time (the accountability grid's cell). */
@Resolver(() => PartnerAgreements)
export class PartnerAgreementPagesResolver {
  @ResolveField(() => PartyAgreementConnection, {
    description: 'The signed ones, a page at a time.',
  })
  signedPage(
    @Parent() of: PartnerAgreements,
    @Args() args: PageArgs,
  ): PartyAgreementConnection | Promise<PartyAgreementConnection> {
    const pages = agreementPages.get(of);
    if (pages) return pages.signed.page(of.partnerId, toPageRequest(args));
    return listPage(of.signed, toPageRequest(args));
  }

  @ResolveField(() => PartyAgreementConnection, {
    description: 'The ones awaiting its signature, a page at a time.',
  })
  pendingPage(
    @Parent() of: PartnerAgreements,
    @Args() args: PageArgs,
  ): PartyAgreementConnection | Promise<PartyAgreementConnection> {
    const pages = agreementPages.get(of);
    if (pages) return pages.pending.page(of.partnerId, toPageRequest(args));
    return listPage(of.pending, toPageRequest(args));
  }
}
