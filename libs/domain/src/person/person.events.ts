/**
 * Personal data as the ledger keeps it: encrypted before the event is built, with a key held
 * for this one person outside the log. The domain never sees the plaintext or a key; to it a
 * sealed value is an opaque string it may store, compare and pass on, never read.
 */
export type Sealed = string & { readonly __sealed: unique symbol };

/** The personal fields of a person, each sealed. */
export interface SealedContact {
  name: Sealed;
  email: Sealed;
  /** Null: no phone number given. */
  phone: Sealed | null;
}

export type PersonRegistered = {
  type: 'PersonRegistered.v1';
  data: SealedContact & {
    personId: string;
    /** The initiative whose backbone staff registered someone else; null when self-registered. */
    initiativeId: string | null;
    registeredAt: string;
  };
};

/** The whole contact as it stands after the update; unchanged fields are repeated as they were. */
export type PersonContactUpdated = {
  type: 'PersonContactUpdated.v1';
  data: SealedContact & {
    personId: string;
    initiativeId: string | null;
    updatedAt: string;
  };
};

/**
 * The person's key was destroyed: every sealed field of theirs, in every event, is unreadable
 * from now on. The reason is kept in plaintext, so it must not itself hold personal data.
 */
export type PersonForgotten = {
  type: 'PersonForgotten.v1';
  data: {
    personId: string;
    initiativeId: string | null;
    reason: string;
    /** Who asked for it: the person and partner of the request. */
    requestedBy: { personId: string; partnerId: string };
    forgottenAt: string;
  };
};

export type PersonEvent = PersonRegistered | PersonContactUpdated | PersonForgotten;

export const PERSON_EVENT_TYPES: readonly PersonEvent['type'][] = [
  'PersonRegistered.v1',
  'PersonContactUpdated.v1',
  'PersonForgotten.v1',
];
