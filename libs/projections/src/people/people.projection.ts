import type { PersonEvent } from '@accord/domain';
import { PERSON_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import type { ReadModelTable } from '../runtime/read-model-tables';
import { sql, type SqlStatement } from '../runtime/read-model-database';

export const PEOPLE: ReadModelTable = {
  name: 'people',
  columns: {
    person_id: 'text',
    registered_in: 'text?',
    name_sealed: 'text?',
    email_sealed: 'text?',
    phone_sealed: 'text?',
    status: 'text',
    registered_at: 'text',
    updated_at: 'text?',
    forgotten_at: 'text?',
    forgotten_reason: 'text?',
    forgotten_by_person: 'text?',
    forgotten_by_partner: 'text?',
  },
  primaryKey: ['person_id'],
  indexes: {
    by_initiative: { on: ['registered_in'] },
  },
};

/**
 * People directory: one row per registered person. The personal fields are kept exactly as the
 * events hold them, sealed with the person's key; the API opens them at read time, so this
 * table never holds a name or an email in plaintext.
 * - PersonRegistered: inserts the person with their sealed contact.
 * - PersonContactUpdated: replaces the sealed contact.
 * - PersonForgotten: drops the sealed fields (unreadable anyway once the key is gone) and
 *   records when, why and at whose request.
 */
export const peopleProjection: Projection = {
  name: 'people',
  version: 1,
  handles: new Set(PERSON_EVENT_TYPES),
  tables: [PEOPLE],

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as PersonEvent;
    switch (event.type) {
      case 'PersonRegistered.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_people (person_id, registered_in, name_sealed, email_sealed, phone_sealed,
               status, registered_at)
             VALUES (?, ?, ?, ?, ?, 'registered', ?)`,
            d.personId,
            d.initiativeId,
            d.name,
            d.email,
            d.phone,
            d.registeredAt,
          ),
        ];
      }
      case 'PersonContactUpdated.v1': {
        const d = event.data;
        return [
          sql(
            `UPDATE rm_people SET name_sealed = ?, email_sealed = ?, phone_sealed = ?, updated_at = ?
             WHERE person_id = ?`,
            d.name,
            d.email,
            d.phone,
            d.updatedAt,
            d.personId,
          ),
        ];
      }
      case 'PersonForgotten.v1': {
        const d = event.data;
        return [
          sql(
            `UPDATE rm_people SET name_sealed = NULL, email_sealed = NULL, phone_sealed = NULL,
               status = 'forgotten', forgotten_at = ?, forgotten_reason = ?,
               forgotten_by_person = ?, forgotten_by_partner = ?
             WHERE person_id = ?`,
            d.forgottenAt,
            d.reason,
            d.requestedBy.personId,
            d.requestedBy.partnerId,
            d.personId,
          ),
        ];
      }
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
