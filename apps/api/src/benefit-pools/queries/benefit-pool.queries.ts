import { BenefitPoolsReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import type { BenefitPool } from '../benefit-pool.model';

@Injectable()
export class BenefitPoolQueries {
  constructor(private readonly reader: BenefitPoolsReader) {}

  async byId(poolId: string): Promise<BenefitPool> {
    const view = await this.reader.get(poolId);
    if (!view) throw new NotFoundError('benefit pool', poolId);
    return view;
  }

  byInitiative(initiativeId: string): Promise<BenefitPool[]> {
    return this.reader.byInitiative(initiativeId);
  }
}
