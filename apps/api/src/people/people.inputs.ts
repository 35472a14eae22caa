import { InputType } from '@nestjs/graphql';
import { commandInput, entityCommandInput } from '../graphql/command-input';
import { entityId, field, optional, prose } from '../graphql/input-type';
import { IsContactEmail, IsPersonName, IsPhone } from './person-input.rules';

const SEALED = 'Personal data, sealed like the name.';
const text = (description: string | undefined, rule: PropertyDecorator) =>
  field<string>(() => String, description, rule);

@InputType()
export class ForgetPersonInput extends entityCommandInput({
  personId: entityId('The person to forget: yourself, or someone else as staff.'),
  initiativeId: optional(
    entityId('The initiative whose backbone staff you are, to forget someone else.'),
  ),
  reason: prose(
    2_000,
    'Why, kept in the ledger in plaintext (e.g. "asked to be forgotten"): do not put personal data in it.',
  ),
}) {}

@InputType()
export class RegisterPersonInput extends commandInput({
  personId: optional(
    entityId(
      'The person registered; yourself (the person of your token) when omitted. Someone else needs initiativeId, of which you are backbone staff.',
    ),
  ),
  initiativeId: optional(
    entityId('The initiative whose backbone staff you are, to register someone else.'),
  ),
  name: text('Personal data: sealed in the ledger with the person’s own key.', IsPersonName()),
  email: text(SEALED, IsContactEmail()),
  phone: optional(text(SEALED, IsPhone())),
}) {}

@InputType()
export class UpdatePersonContactInput extends entityCommandInput({
  personId: optional(
    entityId('Yourself when omitted; someone else needs initiativeId (backbone staff).'),
  ),
  initiativeId: optional(entityId()),
  name: optional(text('A new name; unchanged when omitted.', IsPersonName())),
  email: optional(text('A new email; unchanged when omitted.', IsContactEmail())),
  phone: optional(text('A new phone; unchanged when omitted; null removes it.', IsPhone())),
}) {}
