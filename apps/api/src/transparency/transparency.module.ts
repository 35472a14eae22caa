import { type EventStore } from '@accord/event-store';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type AccordConfig } from '../config/accord-config';
import { type Ledger } from '../ledger/open-ledger';
import {
  loadLogKey,
  LogKey,
  checkLogExtendsCheckpoints,
  TransparencyService,
  TreeMaintainer,
} from '@accord/transparency-log';
import { TransparencyController } from './transparency.controller';
import { TransparencyResolver } from './transparency.resolver';

@Injectable()
class TransparencyLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly maintainer: TreeMaintainer,
    private readonly service: TransparencyService,
    private readonly key: LogKey,
  ) {}

  /** Refuses to start (LogRewrittenError, one line) when the log no longer extends a checkpoint. */
  async onApplicationBootstrap(): Promise<void> {
    await checkLogExtendsCheckpoints(this.maintainer, this.service, this.key);
    await this.maintainer.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.maintainer.stop();
  }
}

/** The Merkle trees over the log, their signed checkpoints, proofs and exports. */
@Module({})
export class TransparencyModule {
  static forRoot(config: AccordConfig, ledger: Ledger): DynamicModule {
    const logger = new Logger('Transparency');
    const settings = config.transparency;
    const key = loadLogKey(settings.key);
    const maintainer = new TreeMaintainer(ledger.readModels, ledger.store, key, {
      originHost: settings.originHost,
      checkpointEveryEvents: settings.checkpointEveryEvents,
      checkpointIntervalMs: settings.checkpointIntervalMs,
      onError: (error) => logger.error(`tree maintenance: ${String(error)}`),
    });
    const store: EventStore = ledger.store;
    return {
      module: TransparencyModule,
      controllers: [TransparencyController],
      providers: [
        { provide: LogKey, useValue: key },
        { provide: TreeMaintainer, useValue: maintainer },
        {
          provide: TransparencyService,
          useValue: new TransparencyService(maintainer, store, key, settings.witnessPolicies),
        },
        TransparencyResolver,
        TransparencyLifecycle,
      ],
      exports: [TreeMaintainer, TransparencyService, LogKey],
    };
  }
}
