import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { IndicatorPayload } from '../../indicator.model';
import { IndicatorQueries } from '../../queries/indicator.queries';
import { DefineIndicatorCommand } from './define-indicator.handler';
import { DefineIndicatorInput } from './define-indicator.input';

@Resolver()
export class DefineIndicatorResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly indicators: IndicatorQueries,
  ) {}

  @Mutation(() => IndicatorPayload, {
    description: 'Define a shared measure: unit, direction, baseline, target and data steward.',
  })
  async defineIndicator(
    @Args('input') input: DefineIndicatorInput,
    @RequestContext() context: AccordContext,
  ): Promise<IndicatorPayload> {
    const envelope = this.envelopes.create(input, context);
    const indicatorId = input.indicatorId ?? deriveEntityId(envelope.commandId, 'indicator');
    const { initiativeId, name, unit, direction, baseline, target, dataSteward } = input;
    const receipt = await this.commandBus.execute(
      new DefineIndicatorCommand(
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
      ),
    );
    return { receipt, indicator: await this.indicators.byId(indicatorId) };
  }
}
