import type { ReadModelDatabase } from '../runtime/read-model-database';

/** A person as the directory keeps them: personal fields still sealed (null once forgotten). */
export interface PersonView {
  personId: string;
  registeredIn: string | null;
  nameSealed: string | null;
  emailSealed: string | null;
  phoneSealed: string | null;
  status: 'registered' | 'forgotten';
  registeredAt: string;
  updatedAt: string | null;
  forgottenAt: string | null;
  forgottenReason: string | null;
  forgottenBy: { personId: string; partnerId: string } | null;
}

interface PersonRow {
  person_id: string;
  registered_in: string | null;
  name_sealed: string | null;
  email_sealed: string | null;
  phone_sealed: string | null;
  status: 'registered' | 'forgotten';
  registered_at: string;
  updated_at: string | null;
  forgotten_at: string | null;
  forgotten_reason: string | null;
  forgotten_by_person: string | null;
  forgotten_by_partner: string | null;
}

const toView = (row: PersonRow): PersonView => ({
  personId: row.person_id,
  registeredIn: row.registered_in,
  nameSealed: row.name_sealed,
  emailSealed: row.email_sealed,
  phoneSealed: row.phone_sealed,
  status: row.status,
  registeredAt: row.registered_at,
  updatedAt: row.updated_at,
  forgottenAt: row.forgotten_at,
  forgottenReason: row.forgotten_reason,
  forgottenBy:
    row.forgotten_by_person === null
      ? null
      : { personId: row.forgotten_by_person, partnerId: row.forgotten_by_partner ?? '' },
});

/** At most this many ids per lookup, well under every driver's limit on parameters. */
const MAX_IDS = 500;

export class PeopleReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(personId: string): Promise<PersonView | undefined> {
    const row = await this.db.get<PersonRow>('SELECT * FROM rm_people WHERE person_id = ?', [
      personId,
    ]);
    return row && toView(row);
  }

  /** The people among these ids who are in the directory (unregistered ids are left out). */
  async many(personIds: readonly string[]): Promise<PersonView[]> {
    const views: PersonView[] = [];
    for (let start = 0; start < personIds.length; start += MAX_IDS) {
      const ids = personIds.slice(start, start + MAX_IDS);
      const rows = await this.db.all<PersonRow>(
        `SELECT * FROM rm_people WHERE person_id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      views.push(...rows.map(toView));
    }
    return views;
  }

  /**
   * Everyone in the directory, ordered by id; with an initiative, the people registered by its
   * backbone staff and those who hold or held a role in it.
   */
  async list(initiativeId?: string): Promise<PersonView[]> {
    const rows =
      initiativeId === undefined
        ? await this.db.all<PersonRow>('SELECT * FROM rm_people ORDER BY person_id')
        : await this.db.all<PersonRow>(
            `SELECT * FROM rm_people
             WHERE registered_in = ?
                OR person_id IN (SELECT person_id FROM rm_role_assignments WHERE initiative_id = ?)
             ORDER BY person_id`,
            [initiativeId, initiativeId],
          );
    return rows.map(toView);
  }
}
