import { InitiativeOverviewReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import type { Initiative } from '../initiative.model';

@Injectable()
export class InitiativeQueries {
  constructor(private readonly reader: InitiativeOverviewReader) {}

  async byId(initiativeId: string): Promise<Initiative> {
    const initiative = await this.reader.get(initiativeId);
    if (!initiative) throw new NotFoundError('initiative', initiativeId);
    return initiative;
  }
}
