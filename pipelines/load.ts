// The one load path (CLI, API upload and demo seeder alike): read → map → validate → stage → merge →
// recompute facts of the touched tickets → record the load. All of it writes in one transaction, prepared
// in temp tables before it: a load that fails or is killed leaves the database exactly as it was.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database, Query } from '../sql/db.ts';
import { applyTicketMilestones, computeFacts, computeTicketMilestones, factEventColumns, pendingEventColumns, storeFacts } from '../sql/facts.ts';
import {
  dropFileObjects, keepPendingTicketKeys, parkedName, parkFileObjects, prepareFacts, preparedTogether, storePreparedFacts, unparkFileObjects,
} from './folder-load.ts';
import { runTransform } from '../sql/files.ts';
import { noteFeedbackDays, refreshRollups } from '../sql/rollups.ts';
import { snapshotGoalsOrLog } from '../sql/goals/snapshot.ts';
import { unknownTimeZoneMessage, unknownTimeZones } from '../sql/time-zones.ts';
import { canonicalFields } from './mapping/canonical.ts';
import { fitMapping } from './mapping/fit.ts';
import { mappingToSql, quoteIdentifier, type TypedField } from './mapping/to-sql.ts';
import type { LoadKind, Mapping } from './mapping/types.ts';
import { hideServerPaths } from './hide-server-paths.ts';
import { applyIssueEdits } from '../sql/issues/edits-apply.ts';
import { LoadError } from './load-error.ts';
import type { AnalysisThreads } from './issues/analysis-threads.ts';
import { analyseTextsWhile, assignCreatedTickets, earlyAnalysisThreads, prepareIssueAssignment, storeGroupingChanges, type TextsToAssign } from './assign-issues.ts';
import { defineMatchableTickets, prepareMappedEvents, prepareNewEvents, withTheirTickets } from './merge-events.ts';
import { prepareTickets, storeTickets, type PreparedTickets } from './merge-tickets.ts';
import { keepSnapshotHistory } from './snapshot-history.ts';
import { inspectFile, stageFile, type FileShape } from './read.ts';
import { keepRecordBreaks, keptLine, rejectKindSql, startRejects, writeRejects } from './rejects.ts';
import { ProgressTracker, type LoadProgress } from './progress.ts';
import { crossFieldRules } from './rules.ts';
import { feedbackWithoutTicket } from './unlinked-feedback.ts';
import { createdNamesWarnings, createThreadTeams, createUnknownNames, endUnknownNamesPreview, prepareUnknownNames, type CreatedNames } from './unknown-names.ts';
import { loadWarnings } from './warnings.ts';

export { LoadError };

export interface LoadRequest {
  file: string;
  mapping: Mapping;
  /** The helpdesk the records belong to; tickets are keyed by (source, external id). Defaults to the mapping's. */
  source?: string;
  /** Zone of timestamps written without an offset. */
  timeZone?: string;
  /** Told as each step of the load completes (progress display, tests); a tickets load and an events load whose
   * tickets are stored complete them all before their transaction, which then only writes. */
  onStep?: (step: LoadStep) => void;
  /** Told several times a second how far the load is (progress bars). */
  onProgress?: (progress: LoadProgress) => void;
  /** Any rejected row fails the whole load. */
  strict?: boolean;
  /** Do everything, report what would change, then roll back. */
  dryRun?: boolean;
  /** How to read the file, when the caller has already inspected it (saves inflating a gzip twice). */
  shape?: FileShape;
  /** The id the import API gave its client, recorded with the load so that the client can ask for it later. */
  importId?: string;
  /**
   * Assign the tickets to recurring issues (issue 12; default true). False leaves ticket_issues untouched: only for
   * measuring what the assignment costs a load (`npm run bench -- issues-load`); a regroup catches up.
   */
  issues?: boolean;
}

export type LoadStep = 'read' | 'validated' | 'merged' | 'facts';

export interface LoadSummary {
  loadId: number;
  file: string;
  source: string;
  kind: LoadKind;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  topRejects: Array<{ reason: string; count: number }>;
  /** Earlier states of records in a snapshot log, replaced by a later row of the same file. */
  superseded: number;
  /** Rows of an events file that repeat an earlier row of it exactly: one event, the copies counted as unchanged. */
  repeated?: number;
  /** Optional fields of the mapping whose column the file does not have. */
  absentFields: string[];
  /** Findings worth a person's attention (e.g. mixed day/month order), also stored in `loads.warnings`. */
  warnings: string[];
  /** Tickets an event log or a messages file created (a tickets file's new tickets are `inserted`). */
  ticketsCreated?: number;
  /** Teams and agents the file named that no team or agent matched, created by the load (pipelines/unknown-names.ts). */
  teamsCreated: number;
  agentsCreated: number;
  dryRun: boolean;
  seconds: number;
}

/** Carries a dry run's summary out of its transaction, which rolls back. */
class DryRunFinished extends Error {
  constructor(readonly summaries: LoadSummary[]) {
    super('dry run');
  }
}

/**
 * The fields of an event row that describe its ticket, read only by an event log that creates its tickets
 * (events-create-tickets.sql, through `incoming_events`). Left out of `mapped` when unmapped: NULL in every row, they
 * held 613 MiB of its 2,746 MiB at 1 m tickets (bench/README.md, "The eighth session").
 */
const eventTicketFields = ['ticket_subject', 'ticket_channel', 'ticket_priority', 'ticket_category', 'ticket_subcategory', 'ticket_requester_id'];

/**
 * The team and support level an ITSM log carries on every event row (migration 015), likewise left out when unmapped:
 * the new events then hold no column of NULLs for them, which their readers give back (sql/facts.ts
 * `pendingEventColumns`).
 */
const eventCarriedFields = ['ticket_team', 'support_level'];

const mergeTransform: Record<Exclude<LoadKind, 'events' | 'tickets'>, string> = {
  messages: 'merge-messages',
  feedback: 'merge-feedback',
};

/** `$column_<field>`: the file's column behind each canonical field, for rejects a transform writes itself. */
function columnParams(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.keys(canonicalFields[mapping.kind].types).map((field) => [`column_${field}`, mapping.fields[field]?.column ?? field]));
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MiB reads: with the default 64 KiB, hashing took half again as much CPU, which the load's DuckDB threads share.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The file's SHA-256, computed once, from the first call on; null when the file cannot be read (its load fails through
 * staging). A load asks for it as its file's staging starts: the hash then runs on this thread while DuckDB reads the
 * file on its own, rather than before the load, where nothing else ran (bench/README.md, "The twelfth session").
 */
function lazySha256(file: string): () => Promise<string | null> {
  let digest: Promise<string | null> | undefined;
  return () => (digest ??= sha256Of(file).catch(() => null));
}

/**
 * One row per external id. By default the last row wins and earlier ones are rejected naming the line
 * kept (a duplicate in an export is a mistake worth seeing). A snapshot log (`latestBy`) has a row per
 * change of each record by design: its latest state wins and earlier states are superseded, not rejected.
 * Only ids that occur more than once are ranked; the incoming rows are a view over `mapped` without the
 * replaced ones, so no copy of the file's rows is made. Returns how many rows were superseded.
 */
async function keepOnePerId(query: Query, mapping: Mapping, incoming: string, source: string): Promise<number> {
  const latest = mapping.latestBy ? `${quoteIdentifier(mapping.latestBy)} DESC NULLS LAST, ` : '';
  await query.run(
    `CREATE OR REPLACE TEMP TABLE replaced AS
     SELECT record, external_id, kept_record
       FROM (SELECT record, external_id, row_number() OVER latest_first AS version_rank,
                    first_value(record) OVER latest_first AS kept_record
               FROM mapped
              WHERE reject_reason IS NULL
                AND external_id IN (SELECT external_id FROM mapped WHERE reject_reason IS NULL GROUP BY external_id HAVING count(*) > 1)
             WINDOW latest_first AS (PARTITION BY external_id ORDER BY ${latest}record DESC))
      WHERE version_rank > 1`,
  );
  const replaced = (await query.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM replaced'))!.n;
  if (replaced > 0 && !mapping.latestBy) {
    await query.run(
      `INSERT INTO rejects SELECT record, $column, external_id, 'duplicate external_id in file: line ' || $kept || ' is kept', kept_record
         FROM replaced`,
      { column: mapping.fields.external_id!.column, kept: keptLine },
    );
  }
  // The earlier states are not lost: the counts they tell go with the latest one (snapshot-history.ts).
  const history = await keepSnapshotHistory(query, mapping, source);
  await createIncomingView(query, incoming, { withoutReplaced: replaced > 0, history });
  return mapping.latestBy ? replaced : 0;
}

/**
 * The rows to merge, as a view: the valid mapped rows, less those a later row of the same id replaced; `history`
 * replaces columns with a snapshot log's counts (temp table snapshot_history); `givenBack` are the fields the mapping
 * left out of `mapped`, NULL here (`eventTicketFields`).
 */
async function createIncomingView(
  query: Query, incoming: string, { withoutReplaced = false, history = [], givenBack = [] }: { withoutReplaced?: boolean; history?: string[]; givenBack?: TypedField[] },
) {
  const constants = givenBack.map(({ field, type }) => `, CAST(NULL AS ${type}) AS ${quoteIdentifier(field)}`).join('');
  await query.run(
    `CREATE OR REPLACE TEMP VIEW ${incoming} AS
     SELECT m.* EXCLUDE (reject_column, reject_value, reject_reason)${history.length > 0 ? ` REPLACE (${history.join(', ')})` : ''}${constants}
       FROM mapped m${history.length > 0 ? ' LEFT JOIN snapshot_history h ON h.external_id = m.external_id' : ''}
      WHERE m.reject_reason IS NULL${withoutReplaced ? ' AND m.record NOT IN (SELECT record FROM replaced)' : ''}`,
  );
}

export async function loadFile(db: Database, request: LoadRequest): Promise<LoadSummary> {
  return (await loadFiles(db, [request]))[0]!;
}

/**
 * Loads the exports of one run (a folder, or several files named) as one load: every file is prepared before one
 * transaction, which writes them all, and the facts of every ticket any file touched are computed once, over all of
 * them (pipelines/folder-load.ts). If any file fails, nothing of any file is stored and a `failed` loads row names it.
 * Each file keeps its own `loads` row and summary, their ids consecutive in the order given (tickets first: plan.ts
 * `inLoadOrder`). A run whose files cannot all be prepared before the transaction (see `preparedTogether`) loads
 * them one by one, each its own load, as before.
 */
export async function loadFiles(db: Database, requests: LoadRequest[]): Promise<LoadSummary[]> {
  if (preparedTogether(requests.map((request) => request.mapping))) return loadTogether(db, requests);
  const summaries: LoadSummary[] = [];
  for (const request of requests) summaries.push(...(await loadTogether(db, [request])));
  return summaries;
}

async function loadTogether(db: Database, requests: LoadRequest[]): Promise<LoadSummary[]> {
  const loads: LoadOptions[] = [];
  // What a failure's record names, known before the file's checks.
  const contexts: LoadContext[] = [];
  const trackers: Array<ProgressTracker | undefined> = [];
  // The file whose step is running: a failure is recorded against it.
  let failing = 0;
  try {
    for (const [index, request] of requests.entries()) {
      failing = index;
      loads.push(await startLoad(db, request, contexts, (step, rows) => trackers[index]?.step(step, rows)));
    }
    const summaries = await db.writePrepared(
      async (query) => {
        const prepared: PreparedRows[] = [];
        for (const [index, load] of loads.entries()) {
          failing = index;
          // One progress line at a time: the file being prepared, then the last one through the transaction.
          trackers[index - 1]?.stop();
          trackers[index] = requests[index]!.onProgress && new ProgressTracker(load.bytes, query, requests[index]!.onProgress!).start();
          const file = await prepareRows(query, load);
          prepared.push(file);
          const laterEvents = loads.slice(index + 1).filter((later) => later.mapping.kind === 'events');
          if (file.tickets && laterEvents.length > 0) {
            const keys = await keepPendingTicketKeys(query, file.tickets.lastTicketId);
            for (const later of laterEvents) later.earlierTickets = keys;
          }
          await parkFileObjects(query, index);
        }
        // A feedback file touches no ticket.
        const facts = await prepareFacts(query, prepared.map((file) => ({
          kind: file.mapping.kind, factsInTransaction: !file.factsComputed && file.mapping.kind !== 'feedback',
        })));
        // The stored teams and agents again: the transaction creates the files' new ones before the facts that name them.
        await endUnknownNamesPreview(query);
        for (const [index, load] of loads.entries()) if (prepared[index]!.factsComputed) load.onStep('facts');
        return { prepared, facts };
      },
      async (tx, { prepared, facts }) => {
        const firstLoadId = (await tx.one<{ id: number }>('SELECT (coalesce(max(load_id), 0) + 1)::INTEGER AS id FROM loads'))!.id;
        for (const [index, file] of prepared.entries()) {
          failing = index;
          await createUnknownNames(tx, file.created, parkedName(index, 'created_'));
        }
        if (facts) await storePreparedFacts(tx, facts, firstLoadId);
        const summaries: LoadSummary[] = [];
        for (const [index, load] of loads.entries()) {
          failing = index;
          await unparkFileObjects(tx, index);
          summaries.push(await mergeRows(tx, load, prepared[index]!, firstLoadId + index));
          await dropFileObjects(tx);
        }
        if (loads.some((load) => load.dryRun)) throw new DryRunFinished(summaries);
        failing = loads.length - 1;
        await tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
        // The `loads` rows stay the transaction's last writes: a load id without its row marks rows of a commit that
        // never finished, which the recovery on open removes (sql/recovery.ts).
        const finishedAt = new Date();
        for (const [index, summary] of summaries.entries()) await recordCommittedLoad(tx, loads[index]!, summary, finishedAt);
        return summaries;
      },
      // Every row the load appends carries its load id and its `loads` row is its last write (sql/recovery.ts).
      { taggedAppends: true },
    );
    // Committed: the goals' closed periods are judged on the new data and stored (a correction as a new revision).
    await snapshotGoalsOrLog(db);
    return summaries;
  } catch (error) {
    if (error instanceof DryRunFinished) return error.summaries;
    const file = requests[failing]!.file;
    const context = contexts[failing];
    // A file that cannot be opened is no load to record.
    if (context) await recordFailedLoad(db, context, error);
    throw error instanceof LoadError ? error : new LoadError(file, (error as Error).message, { cause: error });
  } finally {
    for (const tracker of trackers) tracker?.stop();
    for (const load of loads) load.threads?.close();
  }
}

/** Checks what can be checked of one file before any is read, and sets out its load. */
async function startLoad(
  db: Database, request: LoadRequest, contexts: LoadContext[], progressStep: (step: LoadStep, rows?: number) => void,
): Promise<LoadOptions> {
  const { file, mapping } = request;
  const source = request.source ?? mapping.source;
  const timeZone = request.timeZone ?? 'UTC';
  const startedAt = new Date();
  let bytes: number;
  try {
    bytes = (await stat(file)).size;
  } catch (error) {
    throw new LoadError(file, `cannot be opened: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const sha256 = lazySha256(file);
  const context = { file, mapping, source, startedAt, bytes, sha256, importId: request.importId ?? null };
  contexts.push(context);
  if ((await unknownTimeZones((sql, params) => db.read(sql, params), [timeZone])).size > 0) {
    throw new LoadError(file, unknownTimeZoneMessage(timeZone));
  }
  const shape = request.shape ?? (await inspectFile(file));
  const issues = request.issues ?? true;
  // A large tickets file's issue analysis threads start now, so that their start-up overlaps the file's reading;
  // they may still be grouping when the transaction starts, which writes the issues last (mergeRows).
  const threads = issues && mapping.kind === 'tickets' ? earlyAnalysisThreads(bytes) : undefined;
  const onStep = (step: LoadStep, rows?: number) => {
    progressStep(step, rows);
    request.onStep?.(step);
  };
  return { ...context, timeZone, shape, strict: request.strict ?? false, dryRun: request.dryRun ?? false, issues, threads, onStep };
}

interface LoadContext {
  file: string;
  mapping: Mapping;
  source: string;
  startedAt: Date;
  bytes: number;
  /** Starts hashing the file, the first time; see lazySha256. */
  sha256: () => Promise<string | null>;
  importId: string | null;
}

/** A failed load leaves no data behind, only this record of the attempt and why it failed. */
async function recordFailedLoad(db: Database, load: LoadContext, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const sha256 = await load.sha256();
  await db.write((tx) =>
    tx.run(
      `INSERT INTO loads (load_id, file, sha256, bytes, source, kind, status, started_at, finished_at, error, import_id)
       SELECT coalesce(max(load_id), 0) + 1, $file, $sha256, $bytes, $source, $kind, 'failed', $started::TIMESTAMPTZ, now(), $error, $import_id
         FROM loads`,
      {
        file: basename(load.file), sha256, bytes: load.bytes, source: load.source, kind: load.mapping.kind, import_id: load.importId,
        started: load.startedAt.toISOString(), error: hideServerPaths(message, load.file),
      },
    ),
  );
}

type LoadOptions = LoadContext & {
  timeZone: string; onStep: (step: LoadStep, rows?: number) => void; strict: boolean; dryRun: boolean; issues: boolean; shape: FileShape;
  /** Started with the load for a large tickets file (assign-issues.ts `earlyAnalysisThreads`). */
  threads?: AnalysisThreads;
  /** Temp table of the tickets an earlier file of the load will insert, which an events file matches too. */
  earlierTickets?: string;
};

/** What the preparation hands to the transaction: the rows to merge are in temp view `incoming_<kind>`. */
interface PreparedRows {
  mapping: Mapping;
  absent: string[];
  rowsRead: number;
  warnings: string[];
  superseded: number;
  /** An events file's rows that repeat an earlier one (merge-events.ts), when they were found before the transaction. */
  repeated?: number;
  /**
   * The load computes the facts over this file's prepared rows before its transaction (a tickets file, an events file
   * whose tickets are stored or pending: pipelines/folder-load.ts `prepareFacts`); else its transaction does.
   */
  factsComputed: boolean;
  /** `mapped` is gone (an events load whose tickets are stored), its line-break totals kept for the rejects. */
  mappedDropped: boolean;
  /** A tickets load's rows, numbered, their milestones recounted, for the transaction to write. */
  tickets?: PreparedTickets;
  /**
   * The analysis of a tickets load's new and re-worded tickets for their recurring-problem issues (assign-issues.ts),
   * still under way in worker threads when the preparation ends: the transaction writes the tickets and facts first.
   */
  texts?: Promise<TextsToAssign>;
  /** Teams and agents the file names that the database does not know, for the transaction to create. */
  created: CreatedNames;
}

/**
 * Reads, maps and checks the file into temp tables only (outside the load's transaction, see
 * `Database.writePrepared`): `mapped`, the view of the rows to merge, and the collected `rejects`; for tickets, and
 * for events whose tickets are stored, also the rows to write, which the transaction only writes. The teams and
 * agents the file names but the database does not know stay in the preview (pipelines/unknown-names.ts) for the
 * load's later files and its facts.
 */
async function prepareRows(query: Query, load: LoadOptions): Promise<PreparedRows> {
  const { file, timeZone, onStep, threads } = load;
  await startRejects(query);
  void load.sha256();
  const columns = await stageFile(query, file, load.shape);
  const { mapping, absent } = fitMapping(load.mapping, columns, file);
  const rowsRead = (await query.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM raw'))!.n;
  onStep('read', rowsRead);

  const mapped = mappingToSql(mapping, timeZone, {
    columns, rowHash: mapping.kind !== 'events', sourceRowHash: mapping.kind === 'events',
    breaksCountAsLines: load.shape.breaksCountAsLines, lineColumn: load.shape.lineColumn,
    leaveOut: mapping.kind === 'events' ? [...eventTicketFields, ...eventCarriedFields] : undefined,
  });
  // Events whose tickets are stored (or an earlier file of the load will insert them: `earlierTickets`) find them in
  // the mapping statement, and its table becomes the events to store (merge-events.ts `prepareMappedEvents`).
  const matchedInMapping = mapping.kind === 'events' && !mapping.createsTickets;
  if (matchedInMapping) await defineMatchableTickets(query, load.earlierTickets);
  await query.run(
    `CREATE OR REPLACE TEMP TABLE mapped AS
     ${matchedInMapping ? withTheirTickets(mapped.sql) : mapped.sql}`,
    matchedInMapping ? { ...mapped.params, source: load.source } : mapped.params,
  );
  const warnings = await loadWarnings(query, mapping, load.shape.lineColumn);
  // Everything later reads `mapped`; the raw text goes now so that it does not hold memory through the merge.
  await query.run('DROP TABLE raw');
  for (const rule of crossFieldRules[mapping.kind].filter((r) => mapping.fields[r.field])) {
    await query.run(
      `UPDATE mapped SET reject_column = $column, reject_value = CAST(${quoteIdentifier(rule.field)} AS VARCHAR), reject_reason = $reason
        WHERE reject_reason IS NULL AND (${rule.violated})`,
      { column: mapping.fields[rule.field]?.column ?? rule.field, reason: rule.reason },
    );
  }
  await query.run(
    `INSERT INTO rejects SELECT record, reject_column, reject_value, reject_reason, NULL FROM mapped WHERE reject_reason IS NOT NULL`,
  );

  onStep('validated');
  const incoming = `incoming_${mapping.kind}`;
  let superseded = 0;
  let repeated: number | undefined;
  let factsComputed = false;
  let mappedDropped = false;
  let tickets: PreparedTickets | undefined;
  let texts: Promise<TextsToAssign> | undefined;
  let created: CreatedNames = { teams: [], agents: [] };
  await query.run('CREATE OR REPLACE TEMP TABLE touched_tickets (ticket_id BIGINT)');
  if (mapping.kind === 'events') {
    await createIncomingView(query, incoming, { givenBack: mapped.leftOut });
    created = await prepareUnknownNames(query, { ...load, mapping }, incoming);
    // Their tickets are stored already (or an earlier file of the load will insert them: `earlierTickets`), so the
    // events to store can be found here, in parallel, and the load's facts computed over them before the transaction,
    // which only writes them. An event log that creates its tickets does this inside the transaction, once those
    // tickets exist.
    if (matchedInMapping) {
      // The mapped rows become new_events; the columns only the preparation read go, which leaves the memory to the
      // facts, which otherwise spill to disk at 10 m tickets (bench/README.md).
      repeated = await prepareMappedEvents(query, mapping, load.source, load.shape);
      mappedDropped = true;
      onStep('merged');
      factsComputed = true;
    }
  } else {
    superseded = await keepOnePerId(query, mapping, incoming, load.source);
    created = await prepareUnknownNames(query, { ...load, mapping }, incoming);
    if (mapping.kind === 'tickets') {
      // The tickets' text is analysed for their issues while DuckDB prepares their rows and facts (assign-issues.ts).
      const prepare = () => prepareTickets(query, load.source, () => onStep('merged'));
      if (load.issues) {
        const [analysed, prepared] = await analyseTextsWhile(query, load.source, prepare, threads);
        tickets = prepared;
        if (tickets.touched) texts = analysed;
      } else {
        tickets = await prepare();
      }
      factsComputed = true;
    }
  }
  return { mapping, absent, rowsRead, warnings, superseded, repeated, factsComputed, mappedDropped, tickets, texts, created };
}

/**
 * Inside the load's one transaction, after the teams and agents it creates and the facts it prepared are stored:
 * merges the file's prepared rows (recomputing the facts when it merges inside the transaction) and reports them.
 */
async function mergeRows(tx: Query, load: LoadOptions, prepared: PreparedRows, loadId: number): Promise<LoadSummary> {
  const { file, source, startedAt, onStep } = load;
  const { mapping, absent, rowsRead, warnings, superseded } = prepared;
  let repeated = prepared.repeated;
  // A tickets load counted its new tickets before the transaction: counting them here would scan rows it wrote.
  const before = prepared.tickets ? 0 : await countTarget(tx, mapping.kind, source, loadId);
  const makesTickets = mapping.kind === 'messages' || (mapping.kind === 'events' && mapping.createsTickets === true);
  const ticketsBefore = makesTickets ? await countTarget(tx, 'tickets', source, loadId) : 0;
  if (mapping.kind === 'events') {
    if (mapping.createsTickets) {
      await runTransform(tx, 'events-create-tickets', { source, load_id: loadId, creates_tickets: true });
      repeated = await prepareNewEvents(tx, mapping, source);
    }
  } else if (mapping.kind !== 'tickets') {
    if (mapping.kind === 'feedback') await noteFeedbackDays(tx, source);
    await runTransform(tx, mergeTransform[mapping.kind], { source, load_id: loadId, ...columnParams(mapping) });
    if (mapping.kind === 'messages') prepared.created.teams.push(...(await createThreadTeams(tx, load.timeZone)));
    if (mapping.kind === 'feedback') {
      warnings.push(...(await feedbackWithoutTicket(tx, source)));
      await tx.run('DROP TABLE feedback_tickets');
      await refreshRollups(tx);
    }
  }
  warnings.push(...createdNamesWarnings(prepared.created));
  if (!prepared.mappedDropped) await keepRecordBreaks(tx, load.shape);
  await writeRejects(tx, loadId, load.shape);
  // New events and tickets are stored after the facts, which read them (views over the temp tables prepared before the
  // transaction and the tables as stored): DuckDB reads rows a transaction wrote itself with one thread.
  const pendingEvents = mapping.kind === 'events' ? 'new_events' : undefined;
  if (!prepared.factsComputed) onStep('merged');
  // A load that touched no ticket (feedback, or a file stored already) has no milestones or facts to redo.
  if (!prepared.factsComputed && (await anyTouched(tx))) {
    await computeTicketMilestones(tx, { pendingEvents });
    await applyTicketMilestones(tx);
    await computeFacts(tx, { pendingEvents });
    await storeFacts(tx, loadId);
  }
  if (prepared.tickets) await storeTickets(tx, prepared.tickets, loadId);
  const issues = prepared.texts ? await prepareIssueAssignment(tx, await prepared.texts) : null;
  if (issues) await storeGroupingChanges(tx, issues, loadId);
  // Tickets made by this transaction (an event log's cases, message threads) get their issues too.
  const createsTickets = load.issues && makesTickets;
  if (createsTickets) await assignCreatedTickets(tx, loadId);
  // The leads' merges and moves hold for this load's tickets too (sql/issues/edits-apply.ts).
  if (issues || createsTickets) await applyIssueEdits(tx, loadId, { onlyLoad: true });
  if (pendingEvents) {
    const columns = [...factEventColumns, 'source_row_hash'];
    await tx.run(
      `INSERT INTO ticket_events (${columns.join(', ')}, load_id)
       SELECT ${await pendingEventColumns(tx, pendingEvents, columns)}, $load_id FROM ${pendingEvents}`,
      { load_id: loadId },
    );
  }
  if (!prepared.factsComputed) onStep('facts');

  const after = prepared.tickets ? prepared.tickets.inserted : await countTarget(tx, mapping.kind, source, loadId);
  const totals = (await tx.one<{ rejected: number; updated: number }>(
    `SELECT (SELECT count(*) FROM load_rejects WHERE load_id = $load_id)::INTEGER AS rejected,
            ${mapping.kind === 'events' ? '0' : `(SELECT count(*) FROM matched_${mapping.kind} WHERE changed)::INTEGER`} AS updated`,
    { load_id: loadId },
  ))!;
  const inserted = after - before;
  const ticketsCreated = makesTickets ? (await countTarget(tx, 'tickets', source, loadId)) - ticketsBefore : undefined;
  if (mapping.kind === 'events') warnings.push(...(await closedNeverSolved(tx)));
  const unchanged = rowsRead - totals.rejected - inserted - totals.updated - superseded;
  const topRejects = await tx.all<{ reason: string; count: number }>(
    `SELECT ${rejectKindSql} AS reason, count(*)::INTEGER AS count FROM load_rejects WHERE load_id = $load_id
      GROUP BY ALL ORDER BY count DESC, reason LIMIT 5`,
    { load_id: loadId },
  );
  if (load.strict && totals.rejected > 0) {
    const first = (await tx.one<{ line: number; column_name: string; value: string | null; reason: string }>(
      `SELECT line::INTEGER AS line, column_name, value, reason FROM load_rejects WHERE load_id = $load_id ORDER BY line LIMIT 1`,
      { load_id: loadId },
    ))!;
    throw new LoadError(
      file,
      `${totals.rejected} row${totals.rejected > 1 ? 's' : ''} rejected with --strict, so nothing was loaded. First: line ${first.line}, ` +
        `column "${first.column_name}", value ${first.value === null ? 'empty' : JSON.stringify(first.value)}: ${first.reason}`,
    );
  }
  if (load.strict && prepared.created.refusal) throw new LoadError(file, prepared.created.refusal);
  return {
    loadId, file, source, kind: mapping.kind, rowsRead, inserted, updated: totals.updated, unchanged,
    rejected: totals.rejected, topRejects, superseded, repeated, absentFields: absent, warnings, ticketsCreated,
    teamsCreated: prepared.created.teams.length, agentsCreated: prepared.created.agents.length, dryRun: load.dryRun,
    seconds: (Date.now() - startedAt.getTime()) / 1000,
  };
}

/** The file's `loads` row, among the load's last writes (see `loadTogether`). */
async function recordCommittedLoad(tx: Query, load: LoadOptions, summary: LoadSummary, finishedAt: Date): Promise<void> {
  summary.seconds = (finishedAt.getTime() - load.startedAt.getTime()) / 1000;
  await tx.run(
    `INSERT INTO loads (load_id, file, sha256, bytes, source, kind, status, rows_read, rows_inserted, rows_updated,
                        rows_unchanged, rows_rejected, started_at, finished_at, warnings, import_id)
     VALUES ($load_id, $file, $sha256, $bytes, $source, $kind, 'committed', $read, $inserted, $updated, $unchanged,
             $rejected, $started::TIMESTAMPTZ, $finished::TIMESTAMPTZ, $warnings::JSON, $import_id)`,
    {
      import_id: load.importId,
      load_id: summary.loadId, file: basename(load.file), sha256: await load.sha256(), bytes: load.bytes, source: load.source,
      kind: summary.kind, read: summary.rowsRead, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged,
      rejected: summary.rejected, started: load.startedAt.toISOString(), finished: finishedAt.toISOString(),
      warnings: JSON.stringify(summary.warnings),
    },
  );
}

/**
 * Tickets of an event log closed without ever being solved: `closed` alone is not a resolution (PRODUCT.md §4), so
 * they have no resolution time. A log whose only ending activity is mapped to `closed` loads with every
 * resolution figure empty; the person loading it should learn that now, with the remedy.
 */
async function closedNeverSolved(tx: Query): Promise<string[]> {
  const { n } = (await tx.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM tickets JOIN touched_tickets USING (ticket_id)
      WHERE from_event_log AND closed_at IS NOT NULL AND first_solved_at IS NULL`,
  ))!;
  if (n === 0) return [];
  return [
    `${n.toLocaleString('en')} ticket${n === 1 ? ' was' : 's were'} closed but never solved (a \`closed\` event and no \`solved\` one): ` +
      'they have no resolution time, so resolution figures leave them out. If the activity that ends them means the ' +
      'problem was resolved, map it to `solved` (a later `closed` still closes the ticket)',
  ];
}

async function anyTouched(query: Query): Promise<boolean> {
  return (await query.one<{ any: boolean }>('SELECT count(*) > 0 AS any FROM touched_tickets'))!.any;
}

/** Rows of the kind the load writes that count towards `inserted` (after minus before). */
async function countTarget(tx: Query, kind: LoadKind, source: string, loadId: number): Promise<number> {
  // Events are only ever inserted, each with its load: counting this load's rows spares joining the whole
  // event table to the tickets of the source, twice.
  if (kind === 'events') {
    return (await tx.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ticket_events WHERE load_id = $load_id', { load_id: loadId }))!.n;
  }
  const sql = {
    tickets: 'SELECT count(*)::INTEGER AS n FROM tickets WHERE source = $source',
    feedback: 'SELECT count(*)::INTEGER AS n FROM feedback WHERE source = $source',
    // A message may be rewritten when a later export changes it: stored messages are counted, not this load's rows.
    messages: 'SELECT count(*)::INTEGER AS n FROM ticket_events e JOIN tickets t USING (ticket_id) WHERE t.source = $source AND e.message_id IS NOT NULL',
  }[kind];
  return (await tx.one<{ n: number }>(sql, { source }))!.n;
}
