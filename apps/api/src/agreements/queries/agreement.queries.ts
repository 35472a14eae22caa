import { AgreementsRegisterReader, type AgreementFilter, encodeCursor } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import { NotFoundError } from '../../ledger/ledger.errors';
import {
  type Agreement,
  type AgreementConnection,
  type PartnerAgreements,
  toAgreement,
  toPartnerAgreements,
} from '../agreement.model';

@Injectable()
export class AgreementQueries {
  constructor(private readonly reader: AgreementsRegisterReader) {}

  async byId(agreementId: string): Promise<Agreement> {
    const view = await this.reader.get(agreementId);
    if (!view) throw new NotFoundError('agreement', agreementId);
    return toAgreement(view);
  }

  async list(filter: AgreementFilter, page: PageArgs): Promise<AgreementConnection> {
    const result = await this.reader.list(filter, toPageRequest(page));
    return {
      edges: result.items.map((view) => ({
        cursor: encodeCursor(view.draftedPosition),
        node: toAgreement(view),
      })),
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor },
      totalCount: result.totalCount,
    };
  }

  async ofPartner(initiativeId: string, partnerId: string): Promise<PartnerAgreements> {
    const [found] = await this.reader.signaturesByPartner(initiativeId, partnerId);
    return found ? toPartnerAgreements(found) : { partnerId, signed: [], pending: [] };
  }
}
