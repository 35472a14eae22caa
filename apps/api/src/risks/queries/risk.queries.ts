import { RiskRegisterReader } from '@accord/projections';
import type { RiskStatus } from '@accord/domain';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import { type Risk, toRisk } from '../risk.model';

@Injectable()
export class RiskQueries {
  constructor(private readonly reader: RiskRegisterReader) {}

  async byId(riskId: string): Promise<Risk> {
    const view = await this.reader.get(riskId);
    if (!view) throw new NotFoundError('risk', riskId);
    return toRisk(view);
  }

  async register(initiativeId: string, status?: RiskStatus): Promise<Risk[]> {
    return (await this.reader.register(initiativeId, status)).map(toRisk);
  }
}
