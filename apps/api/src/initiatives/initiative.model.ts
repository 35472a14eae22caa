import { connectionOf } from '../graphql/pagination';
import { SECTORS } from '@accord/domain';
import type { InitiativeView, PartnerView } from '@accord/projections';
import { ObjectType } from '@nestjs/graphql';
import { payloadOf } from '../ledger/receipt.model';
import {
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  hidden,
  id,
  int,
  nullable,
  text,
} from '../graphql/object-type';

export const SectorEnum = enumFrom(
  SECTORS,
  'Sector',
  'The sector a partner organisation belongs to.',
);

export const PartnerStatus = enumFrom(['member', 'left'], 'PartnerStatus');

@ObjectType({ description: 'A partner organisation in an initiative.' })
export class Partner extends fieldsOf<PartnerView>()({
  partnerId: id(),
  initiativeId: id(),
  organisationName: text(),
  sector: enumOf(SectorEnum),
  status: enumOf(PartnerStatus),
  joinedAt: dateTime(),
  leftAt: nullable(dateTime()),
  joinedPosition: hidden(),
}) {}

@ObjectType({
  description:
    'A collective impact initiative: partners from many sectors under one common agenda.',
})
export class Initiative extends fieldsOf<InitiativeView>()({
  initiativeId: id(),
  name: text(),
  problemStatement: text(),
  commonAgenda: text('The common agenda (shared vision) in force.'),
  launchedAt: dateTime(),
  agendaAmendedAt: nullable(dateTime()),
  revision: int('Revision of the initiative stream: pass as expectedRevision.'),
  launchedPosition: hidden(),
}) {}

export const InitiativeConnection = connectionOf(Initiative);

@ObjectType()
export class InitiativePayload extends payloadOf({ initiative: Initiative }) {}
