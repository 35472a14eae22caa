import type { Database } from 'better-sqlite3';

export class CheckpointTable {
  private readonly readStatement;
  private readonly writeStatement;

  constructor(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    this.readStatement = db.prepare<[string], { position: number }>(
      'SELECT position FROM projection_checkpoints WHERE name = ?',
    );
    this.writeStatement = db.prepare<[string, number, string]>(
      `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
  }

  read(name: string): number {
    return this.readStatement.get(name)?.position ?? 0;
  }

  write(name: string, position: number): void {
    this.writeStatement.run(name, position, new Date().toISOString());
  }
}
