import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { MeasurementPayload, IndicatorPayload } from './indicator.model';
import { IndicatorQueries } from './queries/indicator.queries';
import { CorrectMeasurementInput, DefineIndicatorInput, RecordMeasurementInput } from './indicators.inputs';
import { deriveEntityId } from '../ledger/streams';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class IndicatorsMutations {
  constructor(
    private readonly commands: Commands,
    private readonly indicators: IndicatorQueries,
  ) {}

  @Mutation(() => MeasurementPayload, {
    description:
      'Correct a measurement with a new value and the reason; the original stays in the history.',
  })
  async correctMeasurement(
    @Args('input') input: CorrectMeasurementInput,
    @RequestContext() context: AccordContext,
  ): Promise<MeasurementPayload> {
    const { indicatorId, measurementId, value, reason } = input;
    const receipt = await this.commands.send('CorrectMeasurement', input, context, {
      indicatorId,
      measurementId,
      value,
      reason,
    });
    return { receipt, ...(await this.indicators.withMeasurement(indicatorId, measurementId)) };
  }

  @Mutation(() => IndicatorPayload, {
    description: 'Define a shared measure: unit, direction, baseline, target and data steward.',
  })
  async defineIndicator(
    @Args('input') input: DefineIndicatorInput,
    @RequestContext() context: AccordContext,
  ): Promise<IndicatorPayload> {
    const envelope = this.commands.envelope(input, context);
    const indicatorId = input.indicatorId ?? deriveEntityId(envelope.commandId, 'indicator');
    const { initiativeId, name, unit, direction, baseline, target, dataSteward } = input;
    const receipt = await this.commands.run(
      'DefineIndicator',
      {
        indicatorId,
        initiativeId,
        name,
        unit,
        direction,
        baseline: { value: baseline.value, date: baseline.date },
        target: { value: target.value, date: target.date },
        dataSteward: { personId: dataSteward.personId, partnerId: dataSteward.partnerId },
      },
      envelope,
    );
    return { receipt, indicator: await this.indicators.byId(indicatorId) };
  }

  @Mutation(() => MeasurementPayload, {
    description: 'Record a measurement of an indicator for a period, from a source partner.',
  })
  async recordMeasurement(
    @Args('input') input: RecordMeasurementInput,
    @RequestContext() context: AccordContext,
  ): Promise<MeasurementPayload> {
    const envelope = this.commands.envelope(input, context);
    const measurementId = input.measurementId ?? deriveEntityId(envelope.commandId, 'measurement');
    const { indicatorId, value, periodStart, periodEnd, sourcePartnerId, method } = input;
    const receipt = await this.commands.run(
      'RecordMeasurement',
      { indicatorId, measurementId, value, periodStart, periodEnd, sourcePartnerId, method },
      envelope,
    );
    return { receipt, ...(await this.indicators.withMeasurement(indicatorId, measurementId)) };
  }
}
