import { AgreementsRegisterReader, type AgreementFilter, mapPage } from '@accord/projections';
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
    return mapPage(await this.reader.list(filter, toPageRequest(page)), toAgreement);
  }

  async ofPartner(initiativeId: string, partnerId: string): Promise<PartnerAgreements> {
    const [found] = await this.reader.signaturesByPartner(initiativeId, partnerId);
    return found ? toPartnerAgreements(found) : { partnerId, signed: [], pending: [] };
  }
}
