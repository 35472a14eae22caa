import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AccordContext } from '../graphql/accord-context';
import { type CommandInput } from '../graphql/command-input';
import { InputValidationError } from '../graphql/input-validation';
import { Clock } from './clock';
import { type CommandEnvelope } from './command-envelope';
import { payloadHash } from './payload-hash';

/** Business time may be backdated, but a clock a few minutes fast is the most we accept ahead of ours. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

@Injectable()
export class EnvelopeFactory {
  constructor(private readonly clock: Clock) {}

  create(
    input: CommandInput & { expectedRevision?: number },
    context: AccordContext,
  ): CommandEnvelope {
    if (!context.actor) throw new Error('commands need an authenticated actor');
    const now = this.clock.now();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new InputValidationError([
        { field: 'occurredAt', rule: 'notInFuture', message: 'occurredAt cannot be in the future' },
      ]);
    }
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
