import { MeetingsReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import { NotFoundError } from '../../ledger/ledger.errors';
import type { Meeting, MeetingConnection } from '../meeting.model';

@Injectable()
export class MeetingQueries {
  constructor(private readonly reader: MeetingsReader) {}

  async byId(meetingId: string): Promise<Meeting> {
    const view = await this.reader.get(meetingId);
    if (!view) throw new NotFoundError('meeting', meetingId);
    return view;
  }

  forDecision(decisionId: string): Promise<Meeting[]> {
    return this.reader.forDecision(decisionId);
  }

  list(initiativeId: string, page: PageArgs): Promise<MeetingConnection> {
    return this.reader.list(initiativeId, toPageRequest(page));
  }
}
