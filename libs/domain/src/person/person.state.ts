import type { PersonEvent, SealedContact } from './person.events';

export type PersonState =
  | { status: 'absent' }
  | { status: 'registered'; personId: string; contact: SealedContact }
  | { status: 'forgotten'; personId: string; forgottenAt: string };

export const initialPersonState = (): PersonState => ({ status: 'absent' });

const contactOf = ({ name, email, phone }: SealedContact): SealedContact => ({
  name,
  email,
  phone,
});

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  const { type, data } = event;
  switch (type) {
    case 'PersonRegistered.v1':
    case 'PersonContactUpdated.v1':
      return { status: 'registered', personId: data.personId, contact: contactOf(event.data) };
    case 'PersonForgotten.v1':
      return { status: 'forgotten', personId: data.personId, forgottenAt: event.data.forgottenAt };
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}
