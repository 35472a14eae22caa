import {
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { peopleCommands } from './people.commands';
import { PeopleMutations } from './people.mutations';
import { type AccordConfig } from '../config/accord-config';
import { ACCORD_CONFIG } from '../ledger/ledger.tokens';
import { openPersonKeyStore } from './keys/open-person-key-store';
import { PERSON_KEY_STORE, type PersonKeyStore } from './keys/person-key-store';
import { PeopleDirectory } from './queries/people-directory';
import {
  DataStewardPersonResolver,
  EventActorPersonResolver,
  PeopleResolver,
  PersonOfPartnerPersonResolver,
  RecusalPersonResolver,
  RoleAssignmentPersonResolver,
  VotePersonResolver,
} from './queries/people.resolver';
import { PersonNamesLoader } from './queries/person-names.loader';

const keyStore: Provider = {
  provide: PERSON_KEY_STORE,
  inject: [ACCORD_CONFIG],
  useFactory: (config: AccordConfig) => openPersonKeyStore(config.keyStore),
};

@Injectable()
class KeyStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PERSON_KEY_STORE) private readonly keys: PersonKeyStore) {}

  onApplicationShutdown(): Promise<void> {
    return this.keys.close();
  }
}

/** The people directory: personal data sealed per person, and erased by destroying the key. */
@Module({
  providers: [
    PeopleMutations,
    keyStore,
    KeyStoreLifecycle,
    PeopleDirectory,
    PersonNamesLoader,
    PeopleResolver,
    RoleAssignmentPersonResolver,
    EventActorPersonResolver,
    PersonOfPartnerPersonResolver,
    VotePersonResolver,
    RecusalPersonResolver,
    DataStewardPersonResolver,
  ],
  exports: [PERSON_KEY_STORE, PeopleDirectory],
})
export class PeopleModule {
  constructor(table: CommandTable, @Inject(PERSON_KEY_STORE) keys: PersonKeyStore) {
    table.add(peopleCommands(keys));
  }
}
