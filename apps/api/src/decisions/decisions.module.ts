import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { DECISION_COMMANDS } from './decisions.commands';
import { DecisionsMutations } from './decisions.mutations';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { DecisionQueries } from './queries/decision.queries';
import { DecisionResolver, InitiativeDecisionsResolver } from './queries/decision.resolver';

@Module({
  imports: [InitiativesModule],
  providers: [DecisionsMutations, DecisionQueries, DecisionResolver, InitiativeDecisionsResolver],
  exports: [DecisionQueries],
})
export class DecisionsModule {
  constructor(table: CommandTable) {
    table.add(DECISION_COMMANDS);
  }
}
