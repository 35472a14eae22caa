import type { EventStore, StoredEvent } from '@accord/event-store';
import Database from 'better-sqlite3';
import type { Projection } from '../projection';
import type { ReadModelDatabase, SqlValue } from '../read-model-database';
import { SqliteReadModelDatabase } from '../sqlite-read-model-database';
import { historyTable } from './history-ddl';
import { tableDdl, tableName } from '../read-model-tables';

/** What a reader needs of a database: reading. */
export type ReadOnlyDatabase = Pick<ReadModelDatabase, 'dialect' | 'all' | 'get'>;

export interface ReadView extends ReadOnlyDatabase {
  /** Frees what the view holds (a scratch copy), once the request is answered. */
  close(): void;
}

interface CatalogTable {
  name: string;
  columns: readonly string[];
  projection: Projection;
  eventRows?: { position: string };
}

/** Every served read-model table, its columns and its projection, for rewriting reads. */
export class TemporalCatalog {
  private constructor(
    private readonly tables: ReadonlyMap<string, CatalogTable>,
    /** How to name the real table when a view of the same name hides it (schema-qualified). */
    readonly qualify: (table: string) => string,
  ) {}

  static async load(
    db: ReadModelDatabase,
    projections: readonly Projection[],
  ): Promise<TemporalCatalog> {
    const schema =
      db.dialect === 'postgres'
        ? (await db.get<{ name: string }>('SELECT current_schema() AS name'))!.name
        : 'main';
    const tables = new Map<string, CatalogTable>();
    for (const projection of projections) {
      for (const table of projection.tables) {
        const name = tableName(table);
        tables.set(name, {
          name,
          columns: Object.keys(table.columns),
          projection,
          ...(table.eventRows && { eventRows: { position: table.eventRows.position } }),
        });
      }
    }
    return new TemporalCatalog(tables, (table) => `${schema}.${table}`);
  }

  /** The read-model tables a statement reads. */
  referencedIn(text: string): CatalogTable[] {
    const names = new Set(text.match(/\brm_\w+\b/g) ?? []);
    return [...names].flatMap((name) => {
      const table = this.tables.get(name);
      return table ? [table] : [];
    });
  }

  table(name: string): CatalogTable {
    return this.tables.get(name)!;
  }
}

const LEADING_WITH = /^\s*WITH\s+(RECURSIVE\s+)?/i;

/** Puts views first in a statement, joining a WITH clause it may already have. */
function withViews(text: string, views: readonly string[]): string {
  if (views.length === 0) return text;
  const leading = LEADING_WITH.exec(text);
  return leading
    ? `${leading[0]}${views.join(', ')}, ${text.slice(leading[0].length)}`
    : `WITH ${views.join(', ')} ${text}`;
}

/**
 * The read models as they stood after the event at `position`, read from the history tables:
 * each table a statement reads is hidden by a view of the same name over its versions valid at
 * that position, so readers run their own SQL unchanged. Event-row tables (the journal) are
 * read up to the position, plus any later events `alsoEvents` names (backdated ones, for as-of).
 */
export class PositionView implements ReadView {
  readonly dialect: ReadModelDatabase['dialect'];

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly catalog: TemporalCatalog,
    readonly position: number,
    private readonly alsoEvents: readonly number[] = [],
  ) {
    this.dialect = db.dialect;
  }

  all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const views: string[] = [];
    const viewParams: SqlValue[] = [];
    for (const table of this.catalog.referencedIn(text)) {
      if (table.eventRows) {
        const also =
          this.alsoEvents.length === 0
            ? ''
            : ` OR ${table.eventRows.position} IN (${this.alsoEvents.map(() => '?').join(', ')})`;
        views.push(
          `${table.name} AS NOT MATERIALIZED (SELECT * FROM ${this.catalog.qualify(table.name)} WHERE ${table.eventRows.position} <= ?${also})`,
        );
        viewParams.push(this.position, ...this.alsoEvents);
      } else {
        views.push(
          `${table.name} AS NOT MATERIALIZED (SELECT ${table.columns.join(', ')} FROM ${historyTable(table.name)} WHERE h_from <= ? AND (h_to IS NULL OR h_to > ?))`,
        );
        viewParams.push(this.position, this.position);
      }
    }
    return this.db.all<Row>(withViews(text, views), [...viewParams, ...params]);
  }

  async get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await this.all<Row>(text, params))[0];
  }

  close(): void {}
}

/**
 * The read models as of a business time that backdated events reach after `position`: a
 * scratch in-memory copy of each read model a statement reads, as it stood at `position`, with
 * those events applied on top in log order. It costs a copy of the read model, so it is only
 * used when such events exist; reads of event-row tables alone need no copy.
 */
export class ScratchView implements ReadView {
  readonly dialect = 'sqlite';
  private readonly prepared = new Map<string, Promise<void>>();
  private scratchDatabase: Database.Database | undefined;
  private scratch: SqliteReadModelDatabase | undefined;
  private readonly atPosition: PositionView;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly catalog: TemporalCatalog,
    readonly position: number,
    private readonly backdated: readonly number[],
  ) {
    this.atPosition = new PositionView(db, catalog, position, backdated);
  }

  async all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const tables = this.catalog.referencedIn(text);
    if (tables.every((t) => t.eventRows)) return this.atPosition.all<Row>(text, params);
    const scratch = this.scratchDb();
    await Promise.all([...new Set(tables.map((t) => t.projection))].map((p) => this.prepare(p)));
    return scratch.all<Row>(text, params);
  }

  async get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await this.all<Row>(text, params))[0];
  }

  close(): void {
    this.scratchDatabase?.close();
  }

  private scratchDb(): SqliteReadModelDatabase {
    if (!this.scratch) {
      this.scratchDatabase = new Database(':memory:');
      this.scratch = new SqliteReadModelDatabase(this.scratchDatabase);
    }
    return this.scratch;
  }

  private prepare(projection: Projection): Promise<void> {
    let preparing = this.prepared.get(projection.name);
    if (!preparing) {
      preparing = this.copyAndApply(projection);
      this.prepared.set(projection.name, preparing);
    }
    return preparing;
  }

  private async copyAndApply(projection: Projection): Promise<void> {
    const scratch = this.scratchDb();
    await scratch.migrate(projection.tables.flatMap((table) => tableDdl(table)).join(';\n'));
    for (const name of projection.tables.map((table) => tableName(table))) {
      const table = this.catalog.table(name);
      const columns = table.columns.join(', ');
      const rows = await new PositionView(this.db, this.catalog, this.position).all<
        Record<string, SqlValue>
      >(`SELECT ${columns} FROM ${name}`);
      const insert = this.scratchDatabase!.prepare(
        `INSERT INTO ${name} (${columns}) VALUES (${table.columns.map(() => '?').join(', ')})`,
      );
      this.scratchDatabase!.transaction(() => {
        for (const row of rows) insert.run(...table.columns.map((c) => row[c] ?? null));
      })();
    }
    const events: StoredEvent[] = [];
    for (const position of this.backdated) {
      const [event] = await this.store.readAll(position, 1);
      if (event && projection.handles.has(event.type)) events.push(event);
    }
    if (events.length === 0) return;
    await scratch.applyBatch(projection.name, events[events.length - 1]!.position, () =>
      events.map((event) => ({ position: event.position, statements: projection.apply(event) })),
    );
  }
}
