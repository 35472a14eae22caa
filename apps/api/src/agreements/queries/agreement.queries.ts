import { AgreementsRegisterReader, listPage } from '@accord/projections';
import { Partner } from '../../initiatives/initiative.model';
import { PageArgs, toPageRequest } from '../../graphql/pagination';
import { byId, fieldResolvers, queriesOf, readerQueries } from '../../graphql/resolver-table';
import {
  Agreement,
  AgreementConnection,
  AgreementsArgs,
  PartnerAgreements,
  PartyAgreementConnection,
  agreementPages,
} from '../agreement.model';

export class AgreementQueries extends readerQueries(AgreementsRegisterReader, 'agreement') {}

export const AgreementResolver = queriesOf([AgreementQueries], {
  agreement: byId(Agreement, 'One agreement; NOT_FOUND if there is none with this id.'),
  agreements: {
    type: () => AgreementConnection,
    description: "An initiative's agreements, optionally in one status, in the order drafted.",
    args: AgreementsArgs,
    resolve: ({ initiativeId, status, ...page }, _, { reader }) =>
      reader.list({ initiativeId, ...(status ? { status } : {}) }, toPageRequest(page)),
  },
});

export const PartnerAgreementsResolver = fieldResolvers(Partner, [AgreementQueries], {
  agreements: {
    type: () => PartnerAgreements,
    description:
      'Live agreements this partner signed (current version) and those awaiting its signature.',
    resolve: async ({ initiativeId, partnerId }, _, { reader }) => {
      const [found] = await reader.signaturesByPartner(initiativeId, partnerId);
      return found ?? { partnerId, signed: [], pending: [] };
    },
  },
});

/** A page of a partner's signed or pending agreements (the accountability grid's cell). */
const agreementPage = (which: 'signed' | 'pending', description: string) => ({
  type: () => PartyAgreementConnection,
  description,
  args: PageArgs,
  resolve: (of: PartnerAgreements, args: PageArgs) => {
    const pages = agreementPages.get(of);
    if (pages) return pages[which].page(of.partnerId, toPageRequest(args));
    return listPage(of[which], toPageRequest(args));
  },
});

export const PartnerAgreementPagesResolver = fieldResolvers(PartnerAgreements, [], {
  signedPage: agreementPage('signed', 'The signed ones, a page at a time.'),
  pendingPage: agreementPage('pending', 'The ones awaiting its signature, a page at a time.'),
});
