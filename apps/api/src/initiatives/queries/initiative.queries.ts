import { InitiativeOverviewReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import type { Initiative } from '../initiative.model';

@Injectable()
export class InitiativeQueries {
  constructor(private readonly reader: InitiativeOverviewReader) {}

  byId(initiativeId: string): Initiative {
    const initiative = this.reader.get(initiativeId);
    if (!initiative) throw new NotFoundError('initiative', initiativeId);
    return initiative;
  }
}
