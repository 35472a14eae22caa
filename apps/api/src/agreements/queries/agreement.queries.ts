import { AgreementsRegisterReader, type AgreementFilter } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import { NotFoundError } from '../../ledger/ledger.errors';
import type { Agreement, AgreementConnection, PartnerAgreements } from '../agreement.model';

@Injectable()
export class AgreementQueries {
  constructor(private readonly reader: AgreementsRegisterReader) {}

  async byId(agreementId: string): Promise<Agreement> {
    const view = await this.reader.get(agreementId);
    if (!view) throw new NotFoundError('agreement', agreementId);
    return view;
  }

  list(filter: AgreementFilter, page: PageArgs): Promise<AgreementConnection> {
    return this.reader.list(filter, toPageRequest(page));
  }

  async ofPartner(initiativeId: string, partnerId: string): Promise<PartnerAgreements> {
    const [found] = await this.reader.signaturesByPartner(initiativeId, partnerId);
    return found ?? { partnerId, signed: [], pending: [] };
  }
}
