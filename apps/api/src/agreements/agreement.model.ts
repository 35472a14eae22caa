import { entityId, member, optional } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { AGREEMENT_KINDS } from '@accord/domain';
import type {
  AgreementPartyView,
  AgreementSignatureView,
  AgreementVersionView,
  AgreementView,
  PartyAgreementView,
  PartnerAgreementSignatures,
  Page,
  PageRequest,
} from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { RoleEnum } from '../roster/role-assignment.model';
import { payloadOf } from '../ledger/receipt.model';
import {
  bool,
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  hidden,
  id,
  int,
  list,
  localDate,
  nullable,
  text,
} from '../graphql/object-type';

export const AgreementKindEnum = enumFrom(
  AGREEMENT_KINDS,
  'AgreementKind',
  'Charter, memorandum of understanding, data-sharing or funding agreement.',
);

export const AgreementStatus = enumFrom(
  ['awaiting_signatures', 'in_force', 'terminated', 'expired'],
  'AgreementStatus',
  'AWAITING_SIGNATURES once drafted or amended; IN_FORCE when every party signed the current version.',
);

export const SignatureState = enumFrom(
  ['signed', 'pending'],
  'SignatureState',
  "A party's signature of the current version.",
);

@ObjectType({ description: 'A signature given to one version of an agreement.' })
export class AgreementSignature extends fieldsOf<AgreementSignatureView>()({
  partnerId: id('The party bound.'),
  signedBy: id("The person who signed as the party's signatory."),
  signedAt: dateTime(),
}) {}

@ObjectType({ description: 'One version of the text of an agreement.' })
export class AgreementVersion extends fieldsOf<AgreementVersionView>()({
  version: int(),
  text: text(),
  textSha256: text('SHA-256 of the text (UTF-8), lowercase hex.'),
  reason: nullable(text('Why it was amended; null for version 1.')),
  createdAt: dateTime('When it was drafted or amended.'),
  current: bool('Whether signatures of this version count (only those of the current one do).'),
  signatures: list(AgreementSignature, 'Signatures given to this version.'),
}) {}

@ObjectType({ description: 'A party to an agreement and its signature of the current version.' })
export class AgreementParty extends fieldsOf<AgreementPartyView>()({
  partnerId: id(),
  signature: enumOf(SignatureState),
  signedBy: nullable(id('Who signed the current version.')),
  signedAt: nullable(dateTime()),
  lastSignedVersion: nullable(
    int(
      'The last version the party signed: older than the current one while its signature is pending again after an amendment; null if it never signed.',
    ),
  ),
}) {}

@ObjectType({ description: 'A charter, MOU, data-sharing or funding agreement between partners.' })
export class Agreement extends fieldsOf<AgreementView>()({
  agreementId: id(),
  initiativeId: id(),
  kind: enumOf(AgreementKindEnum),
  title: text(),
  status: enumOf(AgreementStatus),
  currentVersion: int('The version signatures count for.'),
  text: text('The text of the current version.'),
  textSha256: text('SHA-256 of the current text (UTF-8), lowercase hex.'),
  endDate: nullable(localDate()),
  draftedAt: dateTime(),
  inForceSince: nullable(dateTime()),
  closedAt: nullable(dateTime('When terminated or expired.')),
  terminatedBy: nullable(id('The party that terminated it.')),
  terminationReason: nullable(text()),
  sharesConfidentialWith: list(
    enumOf(RoleEnum),
    "A data-sharing agreement's roles that may read the initiative's confidential fields while it is in force; empty for other kinds.",
  ),
  versions: list(AgreementVersion, 'Every version, oldest first.'),
  parties: list(AgreementParty, 'Parties in the order they were named.'),
  revision: int(),
  draftedPosition: hidden(),
}) {}

export const AgreementConnection = connectionOf(Agreement);

@ObjectType()
export class AgreementPayload extends payloadOf({ agreement: Agreement }) {}

@ArgsType()
export class AgreementsArgs extends pageArgsOf({
  initiativeId: entityId(),
  status: optional(member(AgreementStatus)),
}) {}

@ObjectType({ description: 'A live agreement as it concerns one party.' })
export class PartyAgreement extends fieldsOf<PartyAgreementView>()({
  agreementId: id(),
  kind: enumOf(AgreementKindEnum),
  title: text(),
  status: enumOf(AgreementStatus),
  currentVersion: int(),
  signedBy: nullable(id()),
  signedAt: nullable(dateTime()),
  lastSignedVersion: nullable(int()),
}) {}

@ObjectType({
  description:
    'Live agreements (awaiting signatures or in force) a partner signed in their current version, and those awaiting its signature.',
})
export class PartnerAgreements extends fieldsOf<PartnerAgreementSignatures>()({
  partnerId: id(),
  signed: list(PartyAgreement, 'Every one; signedPage gives them a page at a time.'),
  pending: list(PartyAgreement, 'Every one; pendingPage gives them a page at a time.'),
}) {}

export const PartyAgreementConnection = connectionOf(PartyAgreement);

/** Reads one page of a partner's signed or pending agreements (see PartnerPages). */
export interface PartyAgreementPages {
  page(partnerId: string, request: PageRequest): Promise<Page<PartyAgreement>>;
}

/**
 * The pages of a PartnerAgreements made for a page of partners (the accountability grid):
 * signedPage and pendingPage read them in SQL, a page a partner; without an entry they page the
 * lists the object carries.
 */
export const agreementPages = new WeakMap<
  PartnerAgreements,
  { signed: PartyAgreementPages; pending: PartyAgreementPages }
>();
