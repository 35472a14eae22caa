import { RiskRegisterReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { toPageRequest } from '../../graphql/pagination';
import { byId, queriesOf } from '../../graphql/resolver-table';
import { found } from '../../ledger/ledger.errors';
import { Risk, RiskConnection, RiskRegisterArgs } from '../risk.model';

@Injectable()
export class RiskQueries {
  constructor(readonly reader: RiskRegisterReader) {}

  byId(riskId: string): Promise<Risk> {
    return found('risk', riskId, this.reader.get(riskId));
  }
}

export const RiskResolver = queriesOf([RiskQueries], {
  risk: byId(Risk, 'One risk; NOT_FOUND if there is none with this id.'),
  riskRegister: {
    type: () => RiskConnection,
    description:
      "An initiative's risk register, highest exposure (likelihood x impact) first, paged; optionally one status only.",
    args: RiskRegisterArgs,
    resolve: ({ initiativeId, status, ...page }, _, { reader }) =>
      reader.registerPage(initiativeId, status ?? undefined, toPageRequest(page)),
  },
});
