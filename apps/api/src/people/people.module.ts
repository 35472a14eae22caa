import {
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { type AccordConfig } from '../config/accord-config';
import { ACCORD_CONFIG } from '../ledger/ledger.tokens';
import { ForgetPersonHandler } from './commands/forget-person/forget-person.handler';
import { ForgetPersonResolver } from './commands/forget-person/forget-person.resolver';
import { RegisterPersonHandler } from './commands/register-person/register-person.handler';
import { RegisterPersonResolver } from './commands/register-person/register-person.resolver';
import { UpdatePersonContactHandler } from './commands/update-person-contact/update-person-contact.handler';
import { UpdatePersonContactResolver } from './commands/update-person-contact/update-person-contact.resolver';
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
    RegisterPersonHandler,
    RegisterPersonResolver,
    UpdatePersonContactHandler,
    UpdatePersonContactResolver,
    ForgetPersonHandler,
    ForgetPersonResolver,
  ],
  exports: [PERSON_KEY_STORE, PeopleDirectory],
})
export class PeopleModule {}
