import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { MeasurementPayload } from '../../indicator.model';
import { IndicatorQueries } from '../../queries/indicator.queries';
import { RecordMeasurementCommand } from './record-measurement.handler';
import { RecordMeasurementInput } from './record-measurement.input';

@Resolver()
export class RecordMeasurementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly indicators: IndicatorQueries,
  ) {}

  @Mutation(() => MeasurementPayload, {
    description: 'Record a measurement of an indicator for a period, from a source partner.',
  })
  async recordMeasurement(
    @Args('input') input: RecordMeasurementInput,
    @RequestContext() context: AccordContext,
  ): Promise<MeasurementPayload> {
    const envelope = this.envelopes.create(input, context);
    const measurementId = input.measurementId ?? deriveEntityId(envelope.commandId, 'measurement');
    const { indicatorId, value, periodStart, periodEnd, sourcePartnerId, method } = input;
    const receipt = await this.commandBus.execute(
      new RecordMeasurementCommand(
        { indicatorId, measurementId, value, periodStart, periodEnd, sourcePartnerId, method },
        envelope,
      ),
    );
    return { receipt, ...(await this.indicators.withMeasurement(indicatorId, measurementId)) };
  }
}
