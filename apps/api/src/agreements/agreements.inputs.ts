import { ID, InputType } from '@nestjs/graphql';
import { ENTITY_ID, ROLES, type Role } from '@accord/domain';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Matches, Min } from 'class-validator';
import { chosenId, commandInput, entityCommandInput } from '../graphql/command-input';
import { day, entityId, field, line, member, optional, prose, whole } from '../graphql/input-type';
import { RoleEnum } from '../roster/role-assignment.model';
import { AgreementKindEnum } from './agreement.model';

@InputType()
export class AmendAgreementInput extends entityCommandInput({
  agreementId: entityId(),
  text: prose(50_000, 'The full new text; it becomes the next version, awaiting signatures.'),
  reason: prose(5_000, 'Why the text changes.'),
}) {}

@InputType()
export class DraftAgreementInput extends commandInput({
  agreementId: chosenId('agreement'),
  initiativeId: entityId(),
  kind: member(AgreementKindEnum, undefined, 'kind must be an agreement kind'),
  title: line(300),
  parties: field<string[]>(
    () => [ID],
    'The partners bound by the agreement: at least one, no duplicates, each a member of the initiative.',
    IsArray(),
    ArrayMaxSize(100),
    Matches(ENTITY_ID, {
      each: true,
      message:
        'each of parties must be a partner id of 1-128 letters, digits, "_", ".", ":" or "-"',
    }),
  ),
  text: prose(50_000, 'The full text; its SHA-256 is recorded with it.'),
  endDate: optional(
    day('Last day the agreement runs; not before the day it is drafted. Omit: open-ended.'),
  ),
  sharesConfidentialWith: optional(
    field<Role[]>(
      () => [RoleEnum],
      'Data-sharing agreements only: the roles that may read confidential fields (funding amounts, risk details) while it is in force.',
      IsArray(),
      ArrayMaxSize(ROLES.length),
      IsIn(ROLES, { each: true, message: 'each of sharesConfidentialWith must be a role' }),
    ),
  ),
}) {}

@InputType()
export class ExpireAgreementInput extends entityCommandInput({ agreementId: entityId() }) {}

@InputType()
export class SignAgreementInput extends entityCommandInput({
  agreementId: entityId(),
  partnerId: entityId('The party signing; the actor must act for it and hold its SIGNATORY role.'),
  version: whole(
    'The version of the text being signed: it must be the current one.',
    IsInt({ message: 'version must be a whole number' }),
    Min(1, { message: 'version must be 1 or more' }),
  ),
}) {}

@InputType()
export class TerminateAgreementInput extends entityCommandInput({
  agreementId: entityId(),
  reason: prose(5_000, 'Why the party terminates: the other parties are owed an explanation.'),
}) {}
