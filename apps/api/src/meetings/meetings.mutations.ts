import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { deriveEntityId } from '../ledger/streams';
import { MeetingPayload } from './meeting.model';
import { MeetingQueries } from './queries/meeting.queries';
import { HoldMeetingInput, LinkDecisionToMeetingInput } from './meetings.inputs';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class MeetingsMutations {
  constructor(
    private readonly commands: Commands,
    private readonly meetings: MeetingQueries,
  ) {}

  @Mutation(() => MeetingPayload, {
    description: 'Record a meeting that was held: attendees, agenda and minutes.',
  })
  async holdMeeting(
    @Args('input') input: HoldMeetingInput,
    @RequestContext() context: AccordContext,
  ): Promise<MeetingPayload> {
    const envelope = this.commands.envelope(input, context, { heldAt: input.heldAt });
    const meetingId = input.meetingId ?? deriveEntityId(envelope.commandId, 'meeting');
    const { initiativeId, title, agenda, minutes } = input;
    const receipt = await this.commands.run(
      'HoldMeeting',
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
    );
    return { receipt, meeting: await this.meetings.byId(meetingId) };
  }

  @Mutation(() => MeetingPayload, { description: 'Link a decision to the meeting that took it.' })
  async linkDecisionToMeeting(
    @Args('input') input: LinkDecisionToMeetingInput,
    @RequestContext() context: AccordContext,
  ): Promise<MeetingPayload> {
    const { meetingId, decisionId } = input;
    const receipt = await this.commands.send('LinkDecisionToMeeting', input, context, {
      meetingId,
      decisionId,
    });
    return { receipt, meeting: await this.meetings.byId(meetingId) };
  }
}
