import { Module } from '@nestjs/common';
import { CorrectMeasurementHandler } from './commands/correct-measurement/correct-measurement.handler';
import { CorrectMeasurementResolver } from './commands/correct-measurement/correct-measurement.resolver';
import { DefineIndicatorHandler } from './commands/define-indicator/define-indicator.handler';
import { DefineIndicatorResolver } from './commands/define-indicator/define-indicator.resolver';
import { RecordMeasurementHandler } from './commands/record-measurement/record-measurement.handler';
import { RecordMeasurementResolver } from './commands/record-measurement/record-measurement.resolver';
import { IndicatorQueries } from './queries/indicator.queries';
import { IndicatorResolver, InitiativeIndicatorsResolver } from './queries/indicator.resolver';

@Module({
  providers: [
    IndicatorQueries,
    IndicatorResolver,
    InitiativeIndicatorsResolver,
    DefineIndicatorHandler,
    DefineIndicatorResolver,
    RecordMeasurementHandler,
    RecordMeasurementResolver,
    CorrectMeasurementHandler,
    CorrectMeasurementResolver,
  ],
})
export class IndicatorsModule {}
