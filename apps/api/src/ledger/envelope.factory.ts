import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AccordContext } from '../graphql/accord-context';
import { type CommandInput } from '../graphql/command-input';
import { INPUT_BOUNDS } from '../graphql/input-bounds';
import { InputValidationError } from '../graphql/input-validation';
import { Clock } from './clock';
import { type CommandEnvelope } from './command-envelope';
import { payloadHash } from './payload-hash';

@Injectable()
export class EnvelopeFactory {
  constructor(private readonly clock: Clock) {}

  /**
   * `pastTimes`: other business times of the input that cannot be in the future either (when a
   * meeting was held). Business time may be backdated, but a clock a few minutes fast is the
   * most accepted ahead of ours.
   */
  create(
    input: CommandInput & { expectedRevision?: number },
    context: AccordContext,
    pastTimes: Record<string, string> = {},
  ): CommandEnvelope {
    if (!context.actor) throw new Error('commands need an authenticated actor');
    const now = this.clock.now();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    const latest = now.getTime() + INPUT_BOUNDS.futureToleranceMs;
    const future = Object.entries({ occurredAt: occurredAt.toISOString(), ...pastTimes })
      .filter(([, time]) => Date.parse(time) > latest)
      .map(([field]) => ({
        field,
        rule: 'notInFuture',
        message: `${field} cannot be in the future`,
      }));
    if (future.length > 0) throw new InputValidationError(future);
    return {
      commandId: input.commandId ?? randomUUID(),
      correlationId: context.correlationId,
      actor: context.actor,
      occurredAt: occurredAt.toISOString(),
      expectedRevision: input.expectedRevision ?? undefined,
      payloadHash: payloadHash(input),
    };
  }
}
