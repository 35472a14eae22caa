import { BenefitPoolsReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import type { BenefitPool, BenefitPoolConnection } from '../benefit-pool.model';

@Injectable()
export class BenefitPoolQueries {
  constructor(private readonly reader: BenefitPoolsReader) {}

  async byId(poolId: string): Promise<BenefitPool> {
    const view = await this.reader.get(poolId);
    if (!view) throw new NotFoundError('benefit pool', poolId);
    return view;
  }

  /** A page of an initiative's pools, in the order they were defined. */
  byInitiative(initiativeId: string, page: PageArgs): Promise<BenefitPoolConnection> {
    return this.reader.page(initiativeId, toPageRequest(page));
  }
}
