import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { openPersonKeyStore, PERSON_KEY_STORE, type PersonKeyStore } from '@accord/personal-data';
import { areaCommands } from './area-commands';
import { AccountabilityQueries } from './accountability/accountability.queries';
import {
  AccountabilityCommitmentsResolver,
  AccountabilityPartnerResolver,
  AccountabilityPartnersResolver,
  AccountabilityResolver,
} from './accountability/accountability.resolver';
import { AgreementsMutations } from './agreements/agreements.mutations';
import {
  AgreementQueries,
  AgreementResolver,
  PartnerAgreementPagesResolver,
  PartnerAgreementsResolver,
} from './agreements/queries/agreement.queries';
import { BenefitPoolsMutations } from './benefit-pools/benefit-pools.mutations';
import {
  BenefitPoolQueries,
  BenefitPoolResolver,
} from './benefit-pools/queries/benefit-pool.queries';
import { CommitmentsMutations } from './commitments/commitments.mutations';
import {
  CommitmentQueries,
  CommitmentResolver,
  CommitmentRevisionsResolver,
  InitiativeCommitmentsResolver,
  PartnerCommitmentsResolver,
} from './commitments/queries/commitment.queries';
import { type AccordConfig } from './config/accord-config';
import { DecisionsMutations } from './decisions/decisions.mutations';
import {
  DecisionQueries,
  DecisionResolver,
  InitiativeDecisionsResolver,
} from './decisions/queries/decision.queries';
import { HistoryResolver } from './history/history.resolver';
import { IndicatorsMutations } from './indicators/indicators.mutations';
import {
  IndicatorFieldsResolver,
  IndicatorQueries,
  IndicatorResolver,
  InitiativeIndicatorsResolver,
} from './indicators/queries/indicator.queries';
import { InitiativesMutations } from './initiatives/initiatives.mutations';
import { LauncherSeat } from './initiatives/launcher-seat';
import {
  InitiativeFieldsResolver,
  InitiativeQueries,
  InitiativeResolver,
} from './initiatives/queries/initiative.queries';
import { CommandTable } from './ledger/ledger-command';
import { ACCORD_CONFIG } from './ledger/ledger.tokens';
import { LedgerEventsResolver } from './live/ledger-events.resolver';
import { MeetingsMutations } from './meetings/meetings.mutations';
import {
  DecisionMeetingsResolver,
  InitiativeMeetingsResolver,
  MeetingDecisionsResolver,
  MeetingQueries,
  MeetingResolver,
} from './meetings/queries/meeting.queries';
import { PeopleMutations } from './people/people.mutations';
import { PeopleDirectory } from './people/queries/people-directory';
import { PERSON_RESOLVERS } from './people/queries/people.resolver';
import { PersonNamesLoader } from './people/queries/person-names.loader';
import { RiskQueries, RiskResolver } from './risks/queries/risk.queries';
import { RisksMutations } from './risks/risks.mutations';
import {
  InitiativeRosterResolver,
  PartnerRolesResolver,
  RosterQueries,
  RosterResolver,
} from './roster/queries/roster.queries';
import { RosterMutations } from './roster/roster.mutations';

@Injectable()
class KeyStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PERSON_KEY_STORE) private readonly keys: PersonKeyStore) {}

  onApplicationShutdown(): Promise<void> {
    return this.keys.close();
  }
}

/**
 * The areas of the ledger: their command rows, mutations, queries and field resolvers, and the
 * people directory (personal data sealed per person, and erased by destroying the key).
 */
@Module({
  providers: [
    ...[InitiativesMutations, InitiativeQueries, InitiativeResolver, InitiativeFieldsResolver],
    LauncherSeat,
    ...[RosterMutations, RosterQueries, RosterResolver, InitiativeRosterResolver],
    PartnerRolesResolver,
    ...[CommitmentsMutations, CommitmentQueries, CommitmentResolver, CommitmentRevisionsResolver],
    ...[PartnerCommitmentsResolver, InitiativeCommitmentsResolver],
    ...[DecisionsMutations, DecisionQueries, DecisionResolver, InitiativeDecisionsResolver],
    ...[MeetingsMutations, MeetingQueries, MeetingResolver, MeetingDecisionsResolver],
    ...[DecisionMeetingsResolver, InitiativeMeetingsResolver],
    ...[IndicatorsMutations, IndicatorQueries, IndicatorResolver, IndicatorFieldsResolver],
    InitiativeIndicatorsResolver,
    ...[AgreementsMutations, AgreementQueries, AgreementResolver],
    ...[PartnerAgreementsResolver, PartnerAgreementPagesResolver],
    ...[RisksMutations, RiskQueries, RiskResolver],
    ...[BenefitPoolsMutations, BenefitPoolQueries, BenefitPoolResolver],
    ...[AccountabilityQueries, AccountabilityResolver, AccountabilityPartnersResolver],
    ...[AccountabilityCommitmentsResolver, AccountabilityPartnerResolver],
    ...[HistoryResolver, LedgerEventsResolver],
    ...[PeopleMutations, PeopleDirectory, PersonNamesLoader, ...PERSON_RESOLVERS],
    {
      provide: PERSON_KEY_STORE,
      inject: [ACCORD_CONFIG],
      useFactory: (config: AccordConfig) => openPersonKeyStore(config.keyStore),
    },
    KeyStoreLifecycle,
  ],
})
export class AreasModule {
  constructor(table: CommandTable, @Inject(PERSON_KEY_STORE) keys: PersonKeyStore) {
    for (const rows of areaCommands(keys)) table.add(rows);
  }
}
