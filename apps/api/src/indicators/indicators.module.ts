import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { INDICATOR_COMMANDS } from './indicators.commands';
import { IndicatorsMutations } from './indicators.mutations';
import { IndicatorQueries } from './queries/indicator.queries';
import { IndicatorResolver, InitiativeIndicatorsResolver } from './queries/indicator.resolver';

@Module({
  providers: [
    IndicatorsMutations,
    IndicatorQueries,
    IndicatorResolver,
    InitiativeIndicatorsResolver,
  ],
})
export class IndicatorsModule {
  constructor(table: CommandTable) {
    table.add(INDICATOR_COMMANDS);
  }
}
