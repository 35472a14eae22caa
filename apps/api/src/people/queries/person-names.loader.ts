import { Injectable } from '@nestjs/common';
import { type PersonName } from '../person.model';
import { PeopleDirectory } from './people-directory';

/**
 * Batches the `person` fields of one answer (a roster, a page of history) into one lookup of
 * the directory and one of the key store, instead of two per row. It batches what is asked
 * within one turn of the event loop and caches nothing, so an erasure shows at once, in
 * queries and in live subscriptions alike. (The dataloader package does this, but with a
 * cache to switch off; these few lines are all we need of it.)
 */
@Injectable()
export class PersonNamesLoader {
  private pending: { ids: string[]; names: Promise<Map<string, PersonName>> } | undefined;

  constructor(private readonly directory: PeopleDirectory) {}

  async load(personId: string): Promise<PersonName> {
    if (!this.pending) {
      const ids: string[] = [];
      const names = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.pending = undefined;
        return this.directory.names(ids);
      });
      this.pending = { ids, names };
    }
    this.pending.ids.push(personId);
    const names = await this.pending.names;
    return names.get(personId)!;
  }
}
