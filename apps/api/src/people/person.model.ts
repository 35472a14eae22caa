import { ObjectType } from '@nestjs/graphql';
import { payloadOf } from '../ledger/receipt.model';
import { EventActor } from '../live/ledger-event.model';
import * as t from '../graphql/object-type';

export const PersonStatus = t.enumFrom(
  ['registered', 'erased', 'unregistered'],
  'PersonStatus',
  'REGISTERED: in the people directory. ERASED: forgotten; their key is destroyed and their personal data unreadable. UNREGISTERED: an id the ledger knows (a role, an actor) with no directory entry.',
);

@ObjectType({
  description: 'Who a person id stands for, as far as the people directory may say.',
})
export class PersonName extends t.fieldsOf()({
  personId: t.id(),
  name: t.nullable(t.text('Null when erased or unregistered.')),
  status: t.enumOf(PersonStatus),
  erased: t.bool('True once the person was forgotten: their name is gone for good.'),
}) {}

@ObjectType({
  description:
    'A person of the people directory. Name and contact are personal data, sealed in the ledger with a key of their own; once forgotten they are null here and everywhere.',
})
export class Person extends t.fieldsOf()({
  personId: t.id(),
  name: t.nullable(t.text('Null once erased.')),
  email: t.nullable(t.text('Null once erased.')),
  phone: t.nullable(t.text('Null when none was given, or erased.')),
  status: t.enumOf(PersonStatus),
  erased: t.bool(),
  registeredIn: t.nullable(
    t.id('The initiative whose backbone staff registered them; null when self-registered.'),
  ),
  registeredAt: t.dateTime(),
  updatedAt: t.nullable(t.dateTime()),
  forgottenAt: t.nullable(t.dateTime()),
  forgottenReason: t.nullable(t.text('Why the person was forgotten.')),
  forgottenBy: t.nullable(EventActor, 'Who asked for the person to be forgotten.'),
}) {}

@ObjectType()
export class PersonPayload extends payloadOf({ person: Person }) {}
