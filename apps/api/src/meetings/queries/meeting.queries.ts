import { encodeCursor, MeetingsReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import { NotFoundError } from '../../ledger/ledger.errors';
import { type Meeting, type MeetingConnection, toMeeting } from '../meeting.model';

@Injectable()
export class MeetingQueries {
  constructor(private readonly reader: MeetingsReader) {}

  async byId(meetingId: string): Promise<Meeting> {
    const view = await this.reader.get(meetingId);
    if (!view) throw new NotFoundError('meeting', meetingId);
    return toMeeting(view);
  }

  async forDecision(decisionId: string): Promise<Meeting[]> {
    return (await this.reader.forDecision(decisionId)).map(toMeeting);
  }

  async list(initiativeId: string, page: PageArgs): Promise<MeetingConnection> {
    const result = await this.reader.list(initiativeId, toPageRequest(page));
    return {
      edges: result.items.map((view) => ({
        cursor: encodeCursor(view.heldPosition),
        node: toMeeting(view),
      })),
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor },
      totalCount: result.totalCount,
    };
  }
}
