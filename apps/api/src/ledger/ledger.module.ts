import { type EventStore, SqliteEventStore } from '@accord/event-store';
import {
  ALL_PROJECTIONS,
  CommitmentsRegisterReader,
  InitiativeOverviewReader,
  ProjectionRunner,
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
} from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { TokenService } from '../auth/token.service';
import { type AccordConfig } from '../config/accord-config';
import { Clock, SystemClock } from './clock';
import { CommandExecutor } from './command-executor';
import { EnvelopeFactory } from './envelope.factory';
import { ACCORD_CONFIG, DATABASE, EVENT_STORE } from './ledger.tokens';

@Injectable()
class LedgerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: Database.Database,
  ) {}

  onApplicationBootstrap(): void {
    this.projections.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.store.close();
    if (this.db.open) this.db.close();
  }
}

function openDatabase(file: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  return new Database(file);
}

/** The embedded ledger: one SQLite file holds the event log and the read models. */
@Global()
@Module({})
export class LedgerModule {
  static forRoot(config: AccordConfig): DynamicModule {
    const logger = new Logger('Projections');
    return {
      module: LedgerModule,
      providers: [
        { provide: ACCORD_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: DATABASE, useFactory: () => openDatabase(config.databaseFile) },
        {
          provide: EVENT_STORE,
          inject: [DATABASE],
          useFactory: (db: Database.Database) => new SqliteEventStore(db),
        },
        {
          provide: ProjectionRunner,
          inject: [DATABASE, EVENT_STORE],
          useFactory: (db: Database.Database, store: EventStore) =>
            new ProjectionRunner(db, store, ALL_PROJECTIONS, {
              onError: (name, position, error) =>
                logger.error(`${name} failed at position ${position}: ${String(error)}`),
            }),
        },
        {
          provide: InitiativeOverviewReader,
          inject: [DATABASE],
          useFactory: (db: Database.Database) => new InitiativeOverviewReader(db),
        },
        {
          provide: CommitmentsRegisterReader,
          inject: [DATABASE],
          useFactory: (db: Database.Database) => new CommitmentsRegisterReader(db),
        },
        { provide: TokenService, useFactory: () => new TokenService(config.jwt) },
        CommandExecutor,
        EnvelopeFactory,
        LedgerLifecycle,
      ],
      exports: [
        ACCORD_CONFIG,
        Clock,
        DATABASE,
        EVENT_STORE,
        ProjectionRunner,
        InitiativeOverviewReader,
        CommitmentsRegisterReader,
        TokenService,
        CommandExecutor,
        EnvelopeFactory,
      ],
    };
  }
}
