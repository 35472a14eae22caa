import {
  AgreementsRegisterReader,
  ALL_PROJECTIONS,
  BenefitPoolsReader,
  CommitmentsRegisterReader,
  DecisionRegisterReader,
  IndicatorsReader,
  InitiativeOverviewReader,
  JournalReader,
  MeetingsReader,
  PeopleReader,
  ProjectionRunner,
  RosterReader,
  RiskRegisterReader,
  type ReadModelDatabase,
  TimeTravel,
} from '@accord/projections';
import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { type AccordConfig } from '../config/accord-config';
import { Clock, SystemClock } from './clock';
import { CommandExecutor } from './command-executor';
import { Commands, CommandTable, LedgerCommandHandler } from './ledger-command';
import { FoldedStreams } from './folded-streams';
import { ReadingTime } from './reading-time';
import { ACCORD_CONFIG, EVENT_STORE, LEDGER } from './ledger.tokens';
import { type Ledger } from './open-ledger';

/** Every read model's reader, each over the ledger's read-model database. */
const READERS: ReadonlyArray<new (db: ReadModelDatabase) => object> = [
  InitiativeOverviewReader,
  CommitmentsRegisterReader,
  DecisionRegisterReader,
  MeetingsReader,
  IndicatorsReader,
  RosterReader,
  AgreementsRegisterReader,
  RiskRegisterReader,
  BenefitPoolsReader,
  JournalReader,
  PeopleReader,
];

@Injectable()
class LedgerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(LEDGER) private readonly ledger: Ledger,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.projections.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.ledger.close();
  }
}

/** The ledger (event log and read models) on the configured store, and the write path over it. */
@Global()
@Module({})
export class LedgerModule {
  static forRoot(config: AccordConfig, ledger: Ledger): DynamicModule {
    const logger = new Logger('Projections');
    const runner = new ProjectionRunner(ledger.readModels, ledger.store, ALL_PROJECTIONS, {
      onError: (name, position, error) =>
        logger.error(`${name} failed at position ${position}: ${String(error)}`),
      onHalt: (error) => logger.error(`stopped serving: ${error.message}`),
    });
    const travel = new TimeTravel(ledger.readModels, ledger.store, ALL_PROJECTIONS);
    const providers: Provider[] = [
      { provide: ACCORD_CONFIG, useValue: config },
      { provide: Clock, useClass: SystemClock },
      { provide: LEDGER, useValue: ledger },
      { provide: EVENT_STORE, useValue: ledger.store },
      { provide: ProjectionRunner, useValue: runner },
      { provide: TimeTravel, useValue: travel },
      // Readers read through time travel: live, or the point the request's query names.
      ...READERS.map((Reader) => ({ provide: Reader, useValue: new Reader(travel.database) })),
      CommandExecutor,
      CommandTable,
      LedgerCommandHandler,
      Commands,
      FoldedStreams,
      ReadingTime,
      LedgerLifecycle,
    ];
    // Every one of them, for every module (the module is global).
    const exports = providers.map((provider) =>
      'provide' in provider ? provider.provide : provider,
    );
    return { module: LedgerModule, providers, exports };
  }
}
