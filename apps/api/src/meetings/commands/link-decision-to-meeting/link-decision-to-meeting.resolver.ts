import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { MeetingPayload } from '../../meeting.model';
import { MeetingQueries } from '../../queries/meeting.queries';
import { LinkDecisionToMeetingCommand } from './link-decision-to-meeting.handler';
import { LinkDecisionToMeetingInput } from './link-decision-to-meeting.input';

@Resolver()
export class LinkDecisionToMeetingResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly meetings: MeetingQueries,
  ) {}

  @Mutation(() => MeetingPayload, { description: 'Link a decision to the meeting that took it.' })
  async linkDecisionToMeeting(
    @Args('input') input: LinkDecisionToMeetingInput,
    @RequestContext() context: AccordContext,
  ): Promise<MeetingPayload> {
    const envelope = this.envelopes.create(input, context);
    const { meetingId, decisionId } = input;
    const receipt = await this.commandBus.execute(
      new LinkDecisionToMeetingCommand({ meetingId, decisionId }, envelope),
    );
    return { receipt, meeting: await this.meetings.byId(meetingId) };
  }
}
