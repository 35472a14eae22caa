import { RiskRegisterReader } from '@accord/projections';
import { toPageRequest } from '../../graphql/pagination';
import { byId, queriesOf, readerQueries } from '../../graphql/resolver-table';
import { Risk, RiskConnection, RiskRegisterArgs } from '../risk.model';

export class RiskQueries extends readerQueries(RiskRegisterReader, 'risk') {}

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
