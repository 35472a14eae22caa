import { RiskRegisterReader } from '@accord/projections';
import type { RiskStatus } from '@accord/domain';
import { Injectable } from '@nestjs/common';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import { NotFoundError } from '../../ledger/ledger.errors';
import type { Risk, RiskConnection } from '../risk.model';

@Injectable()
export class RiskQueries {
  constructor(private readonly reader: RiskRegisterReader) {}

  async byId(riskId: string): Promise<Risk> {
    const view = await this.reader.get(riskId);
    if (!view) throw new NotFoundError('risk', riskId);
    return view;
  }

  async register(
    initiativeId: string,
    status: RiskStatus | undefined,
    page: PageArgs,
  ): Promise<RiskConnection> {
    return this.reader.registerPage(initiativeId, status, toPageRequest(page));
  }
}
