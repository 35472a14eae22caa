import { connectionOf } from '../graphql/pagination';
import { SECTORS } from '@accord/domain';
import type { InitiativeView, PartnerView } from '@accord/projections';
import { ObjectType } from '@nestjs/graphql';
import { payloadOf } from '../ledger/receipt.model';
import * as t from '../graphql/object-type';

export const SectorEnum = t.enumFrom(
  SECTORS,
  'Sector',
  'The sector a partner organisation belongs to.',
);

export const PartnerStatus = t.enumFrom(['member', 'left'], 'PartnerStatus');

@ObjectType({ description: 'A partner organisation in an initiative.' })
export class Partner extends t.fieldsOf<PartnerView>()({
  partnerId: t.id(),
  initiativeId: t.id(),
  organisationName: t.text(),
  sector: t.enumOf(SectorEnum),
  status: t.enumOf(PartnerStatus),
  joinedAt: t.dateTime(),
  leftAt: t.nullable(t.dateTime()),
  joinedPosition: t.hidden(),
}) {}

@ObjectType({
  description:
    'A collective impact initiative: partners from many sectors under one common agenda.',
})
export class Initiative extends t.fieldsOf<InitiativeView>()({
  initiativeId: t.id(),
  name: t.text(),
  problemStatement: t.text(),
  commonAgenda: t.text('The common agenda (shared vision) in force.'),
  launchedAt: t.dateTime(),
  agendaAmendedAt: t.nullable(t.dateTime()),
  revision: t.int('Revision of the initiative stream: pass as expectedRevision.'),
  launchedPosition: t.hidden(),
}) {}

export const InitiativeConnection = connectionOf(Initiative);

@ObjectType()
export class InitiativePayload extends payloadOf({ initiative: Initiative }) {}
