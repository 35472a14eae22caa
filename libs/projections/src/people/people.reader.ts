import type { ReadModelDatabase } from '../runtime/read-model-database';
import { viewColumns } from '../runtime/read-model-tables';
import { PEOPLE } from './people.projection';

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

/** A person's row under its view's names, who asked to forget them still in two columns. */
type PersonRow = Omit<PersonView, 'forgottenBy'> & {
  forgottenByPerson: string | null;
  forgottenByPartner: string | null;
};

const toView = ({ forgottenByPerson, forgottenByPartner, ...row }: PersonRow): PersonView => ({
  ...row,
  forgottenBy:
    forgottenByPerson === null
      ? null
      : { personId: forgottenByPerson, partnerId: forgottenByPartner ?? '' },
});

const PERSON = `SELECT ${viewColumns(PEOPLE)} FROM rm_people`;

/** At most this many ids per lookup, well under every driver's limit on parameters. */
const MAX_IDS = 500;

export class PeopleReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(personId: string): Promise<PersonView | undefined> {
    const row = await this.db.get<PersonRow>(`${PERSON} WHERE person_id = ?`, [personId]);
    return row && toView(row);
  }

  /** The people among these ids who are in the directory (unregistered ids are left out). */
  async many(personIds: readonly string[]): Promise<PersonView[]> {
    const views: PersonView[] = [];
    for (let start = 0; start < personIds.length; start += MAX_IDS) {
      const ids = personIds.slice(start, start + MAX_IDS);
      const rows = await this.db.all<PersonRow>(
        `${PERSON} WHERE person_id IN (${ids.map(() => '?').join(', ')})`,
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
        ? await this.db.all<PersonRow>(`${PERSON} ORDER BY person_id`)
        : await this.db.all<PersonRow>(
            `${PERSON}
             WHERE registered_in = ?
                OR person_id IN (SELECT person_id FROM rm_role_assignments WHERE initiative_id = ?)
             ORDER BY person_id`,
            [initiativeId, initiativeId],
          );
    return rows.map(toView);
  }
}
