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
import * as t from '../graphql/object-type';

export const AgreementKindEnum = t.enumFrom(
  AGREEMENT_KINDS,
  'AgreementKind',
  'Charter, memorandum of understanding, data-sharing or funding agreement.',
);

export const AgreementStatus = t.enumFrom(
  ['awaiting_signatures', 'in_force', 'terminated', 'expired'],
  'AgreementStatus',
  'AWAITING_SIGNATURES once drafted or amended; IN_FORCE when every party signed the current version.',
);

export const SignatureState = t.enumFrom(
  ['signed', 'pending'],
  'SignatureState',
  "A party's signature of the current version.",
);

@ObjectType({ description: 'A signature given to one version of an agreement.' })
export class AgreementSignature extends t.fieldsOf<AgreementSignatureView>()({
  partnerId: t.id('The party bound.'),
  signedBy: t.id("The person who signed as the party's signatory."),
  signedAt: t.dateTime(),
}) {}

@ObjectType({ description: 'One version of the text of an agreement.' })
export class AgreementVersion extends t.fieldsOf<AgreementVersionView>()({
  version: t.int(),
  text: t.text(),
  textSha256: t.text('SHA-256 of the text (UTF-8), lowercase hex.'),
  reason: t.nullable(t.text('Why it was amended; null for version 1.')),
  createdAt: t.dateTime('When it was drafted or amended.'),
  current: t.bool('Whether signatures of this version count (only those of the current one do).'),
  signatures: t.list(AgreementSignature, 'Signatures given to this version.'),
}) {}

@ObjectType({ description: 'A party to an agreement and its signature of the current version.' })
export class AgreementParty extends t.fieldsOf<AgreementPartyView>()({
  partnerId: t.id(),
  signature: t.enumOf(SignatureState),
  signedBy: t.nullable(t.id('Who signed the current version.')),
  signedAt: t.nullable(t.dateTime()),
  lastSignedVersion: t.nullable(
    t.int(
      'The last version the party signed: older than the current one while its signature is pending again after an amendment; null if it never signed.',
    ),
  ),
}) {}

@ObjectType({ description: 'A charter, MOU, data-sharing or funding agreement between partners.' })
export class Agreement extends t.fieldsOf<AgreementView>()({
  agreementId: t.id(),
  initiativeId: t.id(),
  kind: t.enumOf(AgreementKindEnum),
  title: t.text(),
  status: t.enumOf(AgreementStatus),
  currentVersion: t.int('The version signatures count for.'),
  text: t.text('The text of the current version.'),
  textSha256: t.text('SHA-256 of the current text (UTF-8), lowercase hex.'),
  endDate: t.nullable(t.localDate()),
  draftedAt: t.dateTime(),
  inForceSince: t.nullable(t.dateTime()),
  closedAt: t.nullable(t.dateTime('When terminated or expired.')),
  terminatedBy: t.nullable(t.id('The party that terminated it.')),
  terminationReason: t.nullable(t.text()),
  sharesConfidentialWith: t.list(
    t.enumOf(RoleEnum),
    "A data-sharing agreement's roles that may read the initiative's confidential fields while it is in force; empty for other kinds.",
  ),
  versions: t.list(AgreementVersion, 'Every version, oldest first.'),
  parties: t.list(AgreementParty, 'Parties in the order they were named.'),
  revision: t.int(),
  draftedPosition: t.hidden(),
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
export class PartyAgreement extends t.fieldsOf<PartyAgreementView>()({
  agreementId: t.id(),
  kind: t.enumOf(AgreementKindEnum),
  title: t.text(),
  status: t.enumOf(AgreementStatus),
  currentVersion: t.int(),
  signedBy: t.nullable(t.id()),
  signedAt: t.nullable(t.dateTime()),
  lastSignedVersion: t.nullable(t.int()),
}) {}

@ObjectType({
  description:
    'Live agreements (awaiting signatures or in force) a partner signed in their current version, and those awaiting its signature.',
})
export class PartnerAgreements extends t.fieldsOf<PartnerAgreementSignatures>()({
  partnerId: t.id(),
  signed: t.list(PartyAgreement, 'Every one; signedPage gives them a page at a time.'),
  pending: t.list(PartyAgreement, 'Every one; pendingPage gives them a page at a time.'),
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
