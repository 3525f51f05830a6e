// An accepted import is noted in a file under the import folder until its load has ended (committed, failed or
// rolled back), so that an import the server never finished, because it was stopped or killed, is recorded on the
// next start as `interrupted` under the id its client was given, rather than vanishing (GET answering 404). Its
// uploaded file is removed then: nothing of it was stored, and the client is told to upload it again.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Database } from '../../sql/db.ts';

export interface JournalEntry {
  id: string;
  /** The file's name as the client knows it (never a server path). */
  file: string;
  bytes: number;
  source: string;
  kind: string;
  accepted_at: string;
  /** The upload's own folder, relative to the import folder; removed when the import is recovered. */
  upload: string | null;
}

export const interruptedMessage =
  'The server stopped before this import finished, so nothing of it was stored. Upload the file again.';

export class ImportJournal {
  private readonly folder: string;

  constructor(private readonly importFolder: string) {
    this.folder = join(importFolder, '.journal');
  }

  /** Notes an accepted import; `uploadFolder` is the folder of its upload, if it has one. */
  note(entry: Omit<JournalEntry, 'upload'>, uploadFolder?: string): void {
    mkdirSync(this.folder, { recursive: true });
    const upload = uploadFolder ? relative(this.importFolder, uploadFolder) : null;
    writeFileSync(this.entryPath(entry.id), JSON.stringify({ ...entry, upload } satisfies JournalEntry));
  }

  /** The import's load has ended and is recorded in `loads` (or was a dry run). */
  forget(id: string): void {
    rmSync(this.entryPath(id), { force: true });
  }

  /**
   * On start, before serving: records every noted import that has no `loads` row as interrupted, removes its upload,
   * and forgets it. Returns the ids recorded.
   */
  async recover(db: Database, log: (line: string) => void = console.warn): Promise<string[]> {
    let names: string[];
    try {
      names = readdirSync(this.folder).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    const recorded: string[] = [];
    for (const name of names) {
      const path = join(this.folder, name);
      let entry: JournalEntry;
      try {
        entry = JSON.parse(readFileSync(path, 'utf8')) as JournalEntry;
      } catch {
        // Cut short while it was written: the import was never accepted, its client was never answered.
        rmSync(path, { force: true });
        continue;
      }
      const known = await db.readOne('SELECT 1 FROM loads WHERE import_id = $id', { id: entry.id });
      if (!known) {
        await db.write((tx) =>
          tx.run(
            `INSERT INTO loads (load_id, file, bytes, source, kind, status, started_at, finished_at, error, import_id)
             SELECT coalesce(max(load_id), 0) + 1, $file, $bytes, $source, $kind, 'interrupted', $accepted::TIMESTAMPTZ, now(), $error, $id
               FROM loads`,
            { file: entry.file, bytes: entry.bytes, source: entry.source, kind: entry.kind, accepted: entry.accepted_at, error: interruptedMessage, id: entry.id },
          ),
        );
        recorded.push(entry.id);
        log(`servicepulse: import ${entry.id} (${entry.file}) was interrupted by a stop of the server; recorded as interrupted, its upload removed.`);
      }
      if (entry.upload) this.removeUpload(entry.upload);
      rmSync(path, { force: true });
    }
    this.removeUnfinishedUploads();
    return recorded;
  }

  /** Uploads still being received when the server stopped were never accepted: their partial files go. */
  private removeUnfinishedUploads(): void {
    const uploads = join(this.importFolder, 'uploads');
    let names: string[] = [];
    try {
      names = readdirSync(uploads);
    } catch {
      return;
    }
    for (const name of names) rmSync(join(uploads, name), { recursive: true, force: true });
  }

  private removeUpload(upload: string): void {
    const folder = resolve(this.importFolder, upload);
    // Only ever a folder inside the import folder, whatever the note says.
    if (folder.startsWith(resolve(this.importFolder) + sep)) rmSync(folder, { recursive: true, force: true });
  }

  private entryPath(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`not an import id: ${id}`);
    return join(this.folder, `${id}.json`);
  }
}
