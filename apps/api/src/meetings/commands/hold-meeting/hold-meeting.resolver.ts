import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { MeetingPayload } from '../../meeting.model';
import { MeetingQueries } from '../../queries/meeting.queries';
import { HoldMeetingCommand } from './hold-meeting.handler';
import { HoldMeetingInput } from './hold-meeting.input';

@Resolver()
export class HoldMeetingResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly meetings: MeetingQueries,
  ) {}

  @Mutation(() => MeetingPayload, {
    description: 'Record a meeting that was held: attendees, agenda and minutes.',
  })
  async holdMeeting(
    @Args('input') input: HoldMeetingInput,
    @RequestContext() context: AccordContext,
  ): Promise<MeetingPayload> {
    const envelope = this.envelopes.create(input, context, { heldAt: input.heldAt });
    const meetingId = input.meetingId ?? deriveEntityId(envelope.commandId, 'meeting');
    const { initiativeId, title, agenda, minutes } = input;
    const receipt = await this.commandBus.execute(
      new HoldMeetingCommand(
        {
          meetingId,
          initiativeId,
          title,
          heldAt: new Date(input.heldAt).toISOString(),
          attendees: input.attendees.map(({ personId, partnerId }) => ({ personId, partnerId })),
          agenda,
          minutes,
        },
        envelope,
      ),
    );
    return { receipt, meeting: await this.meetings.byId(meetingId) };
  }
}
