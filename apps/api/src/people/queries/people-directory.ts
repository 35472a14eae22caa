import { type PersonView, PeopleReader } from '@accord/projections';
import { Inject, Injectable } from '@nestjs/common';
import { found } from '../../ledger/ledger.errors';
import {
  openField,
  PERSON_KEY_STORE,
  type PersonalField,
  type PersonKeyStore,
} from '@accord/personal-data';
import { type Person, type PersonName, PersonStatus } from '../person.model';

/**
 * The people directory as clients see it. The read model holds only sealed fields; they are
 * opened here, at read time, with each person's key. A person who was forgotten, or whose key
 * is gone, reads as erased: every personal field null.
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly reader: PeopleReader,
    @Inject(PERSON_KEY_STORE) private readonly keys: PersonKeyStore,
  ) {}

  async person(personId: string): Promise<Person> {
    const [person] = await this.open([await found('person', personId, this.reader.get(personId))]);
    return person!;
  }

  async people(initiativeId?: string): Promise<Person[]> {
    return this.open(await this.reader.list(initiativeId));
  }

  /** The name (or erasure) of each id; ids without a directory entry are UNREGISTERED. */
  async names(personIds: readonly string[]): Promise<Map<string, PersonName>> {
    const ids = [...new Set(personIds)];
    const known = new Map(
      (await this.open(await this.reader.many(ids))).map((p) => [p.personId, p]),
    );
    return new Map(
      ids.map((personId) => {
        const person = known.get(personId);
        const name: PersonName = person
          ? { personId, name: person.name, status: person.status, erased: person.erased }
          : { personId, name: null, status: PersonStatus.UNREGISTERED, erased: false };
        return [personId, name];
      }),
    );
  }

  private async open(views: readonly PersonView[]): Promise<Person[]> {
    const keys = await this.keys.findMany(
      views.filter((v) => v.status === 'registered').map((v) => v.personId),
    );
    return views.map(({ nameSealed, emailSealed, phoneSealed, ...view }) => {
      const key = view.status === 'registered' ? keys.get(view.personId) : undefined;
      const read = (field: PersonalField, sealed: string | null) =>
        key === undefined || sealed === null ? null : openField(key, view.personId, field, sealed);
      return {
        ...view,
        name: read('name', nameSealed),
        email: read('email', emailSealed),
        phone: read('phone', phoneSealed),
        status: key === undefined ? PersonStatus.ERASED : PersonStatus.REGISTERED,
        erased: key === undefined,
      };
    });
  }
}
