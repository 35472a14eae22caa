import type { Attendee } from '@accord/domain';
import { keysetPage, type Page, type PageRequest } from '../runtime/cursor';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { viewColumns } from '../runtime/read-model-tables';
import { MEETINGS } from './meetings.projection';

export interface MeetingView {
  meetingId: string;
  initiativeId: string;
  title: string;
  heldAt: string;
  attendees: Attendee[];
  agenda: string[];
  minutes: string;
  recordedBy: Attendee;
  /** Decisions proposed at the meeting or linked to it, in the order they were recorded. */
  decisionIds: string[];
  revision: number;
  heldPosition: number;
}

/** A meeting's row under its view's names: its agenda as JSON, who recorded it in two columns. */
type MeetingRow = Omit<MeetingView, 'attendees' | 'recordedBy' | 'decisionIds' | 'agenda'> & {
  agenda: string;
  recordedByPersonId: string;
  recordedByPartnerId: string;
};

const MEETING = viewColumns(MEETINGS);

export class MeetingsReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(meetingId: string): Promise<MeetingView | undefined> {
    const row = await this.db.get<MeetingRow>(
      `SELECT ${MEETING} FROM rm_meetings WHERE meeting_id = ?`,
      [meetingId],
    );
    return row && this.toView(row);
  }

  list(initiativeId: string, page: PageRequest): Promise<Page<MeetingView>> {
    return keysetPage<MeetingRow, MeetingView>(
      this.db,
      {
        table: 'rm_meetings',
        select: MEETING,
        key: 'held_position',
        where: ['initiative_id = ?'],
        params: [initiativeId],
      },
      page,
      (rows) => Promise.all(rows.map((row) => this.toView(row))),
    );
  }

  /** The meetings where a decision was proposed or to which it was linked. */
  async forDecision(decisionId: string): Promise<MeetingView[]> {
    const rows = await this.db.all<MeetingRow>(
      `SELECT ${viewColumns(MEETINGS, { alias: 'm' })} FROM rm_meetings m
       WHERE m.meeting_id IN (SELECT meeting_id FROM rm_meeting_decisions WHERE decision_id = ?)
       ORDER BY m.held_position`,
      [decisionId],
    );
    return Promise.all(rows.map((row) => this.toView(row)));
  }

  private async toView({
    agenda,
    recordedByPersonId,
    recordedByPartnerId,
    ...row
  }: MeetingRow): Promise<MeetingView> {
    const [attendees, decisions] = await Promise.all([
      this.db.all<Attendee>(
        'SELECT person_id AS "personId", partner_id AS "partnerId" FROM rm_meeting_attendees WHERE meeting_id = ? ORDER BY ordinal',
        [row.meetingId],
      ),
      this.db.all<{ decisionId: string }>(
        'SELECT decision_id AS "decisionId" FROM rm_meeting_decisions WHERE meeting_id = ? ORDER BY position',
        [row.meetingId],
      ),
    ]);
    return {
      ...row,
      attendees,
      agenda: JSON.parse(agenda) as string[],
      recordedBy: { personId: recordedByPersonId, partnerId: recordedByPartnerId },
      decisionIds: decisions.map((d) => d.decisionId),
    };
  }
}
