import { Args, ID, Query, Resolver } from '@nestjs/graphql';
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
import { fieldResolvers } from '../../graphql/field-resolver';

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
    const { initiativeId, status } = args;
    return this.queries.list({ initiativeId, ...(status ? { status } : {}) }, args);
  }
}

export const PartnerAgreementsResolver = fieldResolvers(Partner, AgreementQueries, {
  agreements: {
    type: () => PartnerAgreements,
    description:
      'Live agreements this partner signed (current version) and those awaiting its signature.',
    resolve: ({ initiativeId, partnerId }, _, queries) =>
      queries.ofPartner(initiativeId, partnerId),
  },
});

/** A partner's agreements, signed or pending, a page at a time (the accountability grid's cell). */
export const PartnerAgreementPagesResolver = fieldResolvers(PartnerAgreements, null, {
  signedPage: {
    type: () => PartyAgreementConnection,
    description: 'The signed ones, a page at a time.',
    args: PageArgs,
    resolve: (of, args) => {
      const pages = agreementPages.get(of);
      if (pages) return pages.signed.page(of.partnerId, toPageRequest(args));
      return listPage(of.signed, toPageRequest(args));
    },
  },
  pendingPage: {
    type: () => PartyAgreementConnection,
    description: 'The ones awaiting its signature, a page at a time.',
    args: PageArgs,
    resolve: (of, args) => {
      const pages = agreementPages.get(of);
      if (pages) return pages.pending.page(of.partnerId, toPageRequest(args));
      return listPage(of.pending, toPageRequest(args));
    },
  },
});
