import { ObjectType } from '@nestjs/graphql';
import { payloadOf } from '../ledger/receipt.model';
import { EventActor } from '../live/ledger-event.model';
import {
  bool,
  dateTime,
  enumFrom,
  enumOf,
  fieldsOf,
  id,
  nullable,
  text,
} from '../graphql/object-type';

export const PersonStatus = enumFrom(
  ['registered', 'erased', 'unregistered'],
  'PersonStatus',
  'REGISTERED: in the people directory. ERASED: forgotten; their key is destroyed and their personal data unreadable. UNREGISTERED: an id the ledger knows (a role, an actor) with no directory entry.',
);

@ObjectType({
  description: 'Who a person id stands for, as far as the people directory may say.',
})
export class PersonName extends fieldsOf()({
  personId: id(),
  name: nullable(text('Null when erased or unregistered.')),
  status: enumOf(PersonStatus),
  erased: bool('True once the person was forgotten: their name is gone for good.'),
}) {}

@ObjectType({
  description:
    'A person of the people directory. Name and contact are personal data, sealed in the ledger with a key of their own; once forgotten they are null here and everywhere.',
})
export class Person extends fieldsOf()({
  personId: id(),
  name: nullable(text('Null once erased.')),
  email: nullable(text('Null once erased.')),
  phone: nullable(text('Null when none was given, or erased.')),
  status: enumOf(PersonStatus),
  erased: bool(),
  registeredIn: nullable(
    id('The initiative whose backbone staff registered them; null when self-registered.'),
  ),
  registeredAt: dateTime(),
  updatedAt: nullable(dateTime()),
  forgottenAt: nullable(dateTime()),
  forgottenReason: nullable(text('Why the person was forgotten.')),
  forgottenBy: nullable(EventActor, 'Who asked for the person to be forgotten.'),
}) {}

@ObjectType()
export class PersonPayload extends payloadOf({ person: Person }) {}
