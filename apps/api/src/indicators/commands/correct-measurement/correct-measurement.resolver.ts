import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { MeasurementPayload } from '../../indicator.model';
import { IndicatorQueries } from '../../queries/indicator.queries';
import { CorrectMeasurementCommand } from './correct-measurement.handler';
import { CorrectMeasurementInput } from './correct-measurement.input';

@Resolver()
export class CorrectMeasurementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
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
    const envelope = this.envelopes.create(input, context);
    const { indicatorId, measurementId, value, reason } = input;
    const receipt = await this.commandBus.execute(
      new CorrectMeasurementCommand({ indicatorId, measurementId, value, reason }, envelope),
    );
    return { receipt, ...(await this.indicators.withMeasurement(indicatorId, measurementId)) };
  }
}
