import type { Attendee } from '@accord/domain';
import { keysetPage, type Page, type PageRequest } from '../runtime/cursor';
import type { ReadModelDatabase } from '../runtime/read-model-database';

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

interface MeetingRow {
  meeting_id: string;
  initiative_id: string;
  title: string;
  held_at: string;
  agenda: string;
  minutes: string;
  recorded_by_person_id: string;
  recorded_by_partner_id: string;
  revision: number;
  held_position: number | string;
}

export class MeetingsReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(meetingId: string): Promise<MeetingView | undefined> {
    const row = await this.db.get<MeetingRow>('SELECT * FROM rm_meetings WHERE meeting_id = ?', [
      meetingId,
    ]);
    return row && this.toView(row);
  }

  list(initiativeId: string, page: PageRequest): Promise<Page<MeetingView>> {
    return keysetPage<MeetingRow, MeetingView>(
      this.db,
      {
        table: 'rm_meetings',
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
      `SELECT m.* FROM rm_meetings m
       WHERE m.meeting_id IN (SELECT meeting_id FROM rm_meeting_decisions WHERE decision_id = ?)
       ORDER BY m.held_position`,
      [decisionId],
    );
    return Promise.all(rows.map((row) => this.toView(row)));
  }

  private async toView(row: MeetingRow): Promise<MeetingView> {
    const [attendees, decisions] = await Promise.all([
      this.db.all<{ person_id: string; partner_id: string }>(
        'SELECT person_id, partner_id FROM rm_meeting_attendees WHERE meeting_id = ? ORDER BY ordinal',
        [row.meeting_id],
      ),
      this.db.all<{ decision_id: string }>(
        'SELECT decision_id FROM rm_meeting_decisions WHERE meeting_id = ? ORDER BY position',
        [row.meeting_id],
      ),
    ]);
    return {
      meetingId: row.meeting_id,
      initiativeId: row.initiative_id,
      title: row.title,
      heldAt: row.held_at,
      attendees: attendees.map((a) => ({ personId: a.person_id, partnerId: a.partner_id })),
      agenda: JSON.parse(row.agenda) as string[],
      minutes: row.minutes,
      recordedBy: { personId: row.recorded_by_person_id, partnerId: row.recorded_by_partner_id },
      decisionIds: decisions.map((d) => d.decision_id),
      revision: Number(row.revision),
      heldPosition: Number(row.held_position),
    };
  }
}
