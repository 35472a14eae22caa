import { InitiativeOverviewReader } from '@accord/projections';
import { ArgsType } from '@nestjs/graphql';
import { inputOf, member, optional } from '../../graphql/input-type';
import { PageArgs, toPageRequest } from '../../graphql/pagination';
import { byId, fieldResolvers, queriesOf, readerQueries } from '../../graphql/resolver-table';
import { Visibility } from '../../visibility/visibility';
import { GovernanceRules } from '../governance-rules.model';
import { Initiative, InitiativeConnection, Partner, PartnerStatus } from '../initiative.model';

export class InitiativeQueries extends readerQueries(InitiativeOverviewReader, 'initiative') {}

@ArgsType()
class PartnersArgs extends inputOf({ status: optional(member(PartnerStatus)) }, true) {}

export const InitiativeResolver = queriesOf([InitiativeQueries, Visibility], {
  initiative: byId(Initiative, 'One initiative; NOT_FOUND if there is none with this id.'),
  initiatives: {
    type: () => InitiativeConnection,
    description: 'The initiatives you are a member or observer of, in launch order.',
    args: PageArgs,
    resolve: async (page, context, { reader }, visibility) => {
      const visible = await visibility.viewerOf(context).visibleInitiatives();
      return reader.list(toPageRequest(page), visible);
    },
  },
});

export const InitiativeFieldsResolver = fieldResolvers(Initiative, [InitiativeQueries], {
  partners: {
    type: () => [Partner],
    description: 'Partners in joining order; filter by status.',
    args: PartnersArgs,
    resolve: async ({ initiativeId }, { status }, { reader }) => {
      const partners = await reader.partners(initiativeId);
      return partners.filter((p) => status == null || p.status === (status as string));
    },
  },
  governanceRules: {
    type: () => GovernanceRules,
    description: 'The governance rules in force.',
    resolve: async ({ initiativeId }, _, { reader }) =>
      (await reader.governanceRulesHistory(initiativeId)).at(-1)!,
  },
  governanceRulesHistory: {
    type: () => [GovernanceRules],
    description: 'Every set of governance rules the initiative has had, oldest first.',
    resolve: ({ initiativeId }, _, { reader }) => reader.governanceRulesHistory(initiativeId),
  },
});
