import type {
  InitiativeEvent,
  InitiativeLaunched,
  PartnerJoined,
  PartnerLeft,
} from '../initiative/initiative.events';
import {
  evolveInitiative,
  initialInitiativeState,
  type InitiativeState,
} from '../initiative/initiative.state';

/** The initiative the domain specs work in, and the business time their fixtures carry. */
export const initiativeId = 'i1';
export const now = '2026-03-01T10:00:00.000Z';

export const launched: InitiativeLaunched = {
  type: 'InitiativeLaunched.v1',
  data: { initiativeId, name: 'n', problemStatement: 'p', commonAgenda: 'a', launchedAt: now },
};

/** A nonprofit partner joins; its organisation name is its id unless one is given. */
export const joined = (partnerId: string, organisationName = partnerId): PartnerJoined => ({
  type: 'PartnerJoined.v1',
  data: { initiativeId, partnerId, organisationName, sector: 'nonprofit', joinedAt: now },
});

export const left = (partnerId: string): PartnerLeft => ({
  type: 'PartnerLeft.v1',
  data: { initiativeId, partnerId, reason: null, leftAt: now },
});

/** The initiative as a handler would fold it from these events. */
export const initiativeAfter = (...events: InitiativeEvent[]): InitiativeState =>
  events.reduce(evolveInitiative, initialInitiativeState());

/** A launched initiative whose members are these partners. */
export const initiativeWith = (...partnerIds: string[]): InitiativeState =>
  initiativeAfter(launched, ...partnerIds.map((partnerId) => joined(partnerId)));
