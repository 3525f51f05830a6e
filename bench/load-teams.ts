// `npm run bench -- load --teams N [--size 100k]`: what many teams with calendars cost a load (issue 14, item 6).
// Business time is laid out per team and day; this compares the same load into one team and into N teams, each with
// a calendar, and an event log that creates its tickets with 649 teams with calendars and without any.
// Every load runs in a child process of its own (bench/load-teams-child.ts) on a fresh database file.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DemoManifest } from '../pipelines/demo/generate.ts';
import type { OrganisationInput } from '../pipelines/organisation/schema.ts';
import { runChild, type ChildBase } from './child.ts';
import type { TeamsLoadInput, TeamsLoadResult } from './load-teams-child.ts';

const childScript = 'bench/load-teams-child.ts';
/** Issue 14: a load into 1,000 teams with calendars takes at most 1.5× the same load into one team. */
export const teamsTarget = 1.5;
/** The reported case: an unseen event log, 649 teams. */
const eventLogTeams = 649;
/** Its instants are moved this far back, as old as the public ITSM logs are: the facts' horizon runs to today. */
const eventLogYearsBack = 7;

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const teamId = (k: number) => `t${String(k).padStart(4, '0')}`;
const teamName = (k: number) => `Team ${String(k).padStart(4, '0')}`;

type Organisation = OrganisationInput & { teams: Array<OrganisationInput['teams'][number]> };

/**
 * The demo organisation with `count` teams in place of its own: team k takes the zone and calendar of the demo's
 * team k mod (its number of teams), or no calendar at all; each agent joins the copy of its own team.
 */
function organisationWith(demo: Organisation, count: number, calendars: boolean): Organisation {
  const demoTeams = demo.teams;
  const copyOf = new Map(demoTeams.map((team, i) => [team.team_id, teamId(i % count)]));
  return {
    ...demo,
    teams: Array.from({ length: count }, (_, k) => {
      const model = demoTeams[k % demoTeams.length]!;
      return {
        team_id: teamId(k), name: teamName(k), time_zone: model.time_zone, provider_kind: 'in_house', provider_name: null,
        support_level: 1, is_escalation_team: false, calendar: calendars ? model.calendar : { weekly: {}, holidays: [] },
      };
    }),
    agents: (demo.agents ?? []).map((agent) => ({ ...agent, team_id: copyOf.get(agent.team_id) ?? teamId(0) })),
    users: [],
    suggestions: [],
  };
}

interface VariantFiles {
  organisation: string;
  files: TeamsLoadInput['files'];
}

/**
 * The demo's tickets and events spread over `count` teams: ticket n goes to team n mod count, and a team change names
 * the team its ticket number and the demo team's name pick (a team change stays a change of team when count > 1).
 */
async function demoOverTeams(db: DuckDBInstance, demo: DemoManifest, demoOrg: Organisation, dir: string, count: number): Promise<VariantFiles> {
  const connection = await db.connect();
  const tickets = join(dir, `tickets-${count}-teams.csv`);
  const events = join(dir, `events-${count}-teams.csv`);
  const organisation = join(dir, `organisation-${count}-teams.json`);
  const teamOf = (value: string) => `CASE WHEN ${value} IS NOT NULL THEN printf('t%04d', (ticket_id::BIGINT + hash(${value})) % ${count}) END`;
  await connection.run(
    `COPY (SELECT * REPLACE (printf('Team %04d', "ID"::BIGINT % ${count}) AS "Group")
             FROM read_csv(${sqlString(demo.files.tickets)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"'))
       TO ${sqlString(tickets)} (HEADER, DELIMITER ',')`,
  );
  await connection.run(
    `COPY (SELECT * REPLACE (CASE WHEN kind = 'team_change' THEN ${teamOf('from_value')} ELSE from_value END AS from_value,
                             CASE WHEN kind = 'team_change' THEN ${teamOf('to_value')} ELSE to_value END AS to_value)
             FROM read_csv(${sqlString(demo.files.events)}, header = true, all_varchar = true))
       TO ${sqlString(events)} (HEADER, DELIMITER ',')`,
  );
  connection.closeSync();
  await writeFile(organisation, JSON.stringify(organisationWith(demoOrg, count, true)));
  return { organisation, files: [{ file: tickets, mapping: 'tickets' }, { file: events, mapping: 'events' }] };
}

/**
 * The shape of the reported case: the demo's events as one ITSM log that creates its tickets, each row carrying its
 * ticket's team (one of 649) and priority, moved `eventLogYearsBack` years back; with and without calendars.
 */
async function eventLog(db: DuckDBInstance, demo: DemoManifest, demoOrg: Organisation, dir: string): Promise<{ none: VariantFiles; calendars: VariantFiles }> {
  const connection = await db.connect();
  const log = join(dir, 'event-log.csv');
  await connection.run(`SET TimeZone = 'UTC'`);
  await connection.run(
    `COPY (SELECT e.ticket_id AS case_id,
                  strftime(e.occurred_at::TIMESTAMPTZ - INTERVAL ${eventLogYearsBack} YEAR, '%Y-%m-%dT%H:%M:%SZ') AS timestamp,
                  e.kind AS activity, e.actor_id AS resource, e.actor_kind AS resource_kind,
                  CASE WHEN e.kind = 'team_change' THEN printf('t%04d', (e.ticket_id::BIGINT + hash(e.from_value)) % ${eventLogTeams}) ELSE e.from_value END AS from_value,
                  CASE WHEN e.kind = 'team_change' THEN printf('t%04d', (e.ticket_id::BIGINT + hash(e.to_value)) % ${eventLogTeams}) ELSE e.to_value END AS to_value,
                  printf('Team %04d', e.ticket_id::BIGINT % ${eventLogTeams}) AS team, t."Priority" AS priority
             FROM read_csv(${sqlString(demo.files.events)}, header = true, all_varchar = true) e
             JOIN read_csv(${sqlString(demo.files.tickets)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"') t
               ON t."ID" = e.ticket_id)
       TO ${sqlString(log)} (HEADER, DELIMITER ',')`,
  );
  connection.closeSync();
  const variant = async (calendars: boolean): Promise<VariantFiles> => {
    const organisation = join(dir, `organisation-${eventLogTeams}-teams-${calendars ? 'calendars' : 'none'}.json`);
    await writeFile(organisation, JSON.stringify(organisationWith(demoOrg, eventLogTeams, calendars)));
    return { organisation, files: [{ file: log, mapping: 'event-log' }] };
  };
  return { none: await variant(false), calendars: await variant(true) };
}

const secs = (s: number) => s.toFixed(s < 10 ? 3 : 2);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

async function measure(label: string, scratch: string, variant: VariantFiles): Promise<TeamsLoadResult & ChildBase> {
  process.stdout.write(`  ${label.padEnd(52, '.')} `);
  const result = await runChild<TeamsLoadResult & ChildBase>(label, childScript, {
    db: join(scratch, `${label.replace(/\W+/g, '-')}.duckdb`),
    organisation: variant.organisation,
    files: variant.files,
  } satisfies TeamsLoadInput);
  const total = result.files.reduce((sum, file) => sum + file.seconds, 0);
  console.log(`${secs(total)} s (${result.files.map((file) => secs(file.seconds)).join(' + ')}), peak RSS ${Math.round(result.maxRssKiB / 1024)} MiB`);
  return result;
}

/** One comparison's lines: each side's total and its business-time statements, and the ratio. */
function compared(title: string, names: [string, string], sides: [TeamsLoadResult, TeamsLoadResult], target?: number): string {
  const total = (side: TeamsLoadResult) => side.files.reduce((sum, file) => sum + file.seconds, 0);
  const business = (side: TeamsLoadResult) => side.files.reduce((sum, file) => sum + file.businessSeconds, 0);
  const [a, b] = sides;
  return [
    title,
    `  ${names[0]}: ${secs(total(a))} s, of which ${secs(business(a))} s in statements of business time`,
    `  ${names[1]}: ${secs(total(b))} s, of which ${secs(business(b))} s in statements of business time`,
    `  ratio ${ratio(total(b), total(a))}${target ? ` (target ≤ ${target}×)` : ''}`,
  ].join('\n');
}

/** Runs the many-teams comparisons on the demo files of `demo` (generated or reused by load.ts). */
export async function runTeamsVariant(demo: DemoManifest, teams: number, scratch: string): Promise<void> {
  const demoOrg = JSON.parse(await readFile(demo.files.organisation, 'utf8')) as Organisation;
  const db = await DuckDBInstance.create(':memory:');
  const one = await demoOverTeams(db, demo, demoOrg, scratch, 1);
  const many = await demoOverTeams(db, demo, demoOrg, scratch, teams);
  const log = await eventLog(db, demo, demoOrg, scratch);
  db.closeSync();

  console.log('\nmeasuring (each in its own process, into a fresh database file after its organisation):');
  const oneResult = await measure('tickets + events, one team', scratch, one);
  const manyResult = await measure(`tickets + events, ${teams} teams`, scratch, many);
  const noneResult = await measure(`event log, ${eventLogTeams} teams without calendars`, scratch, log.none);
  const calendarsResult = await measure(`event log, ${eventLogTeams} teams with calendars`, scratch, log.calendars);

  console.log(`\n${compared(`the demo's tickets and events, every team with a calendar:`, ['one team', `${teams} teams`], [oneResult, manyResult], teamsTarget)}`);
  console.log(
    `\n${compared(
      `an event log creating its tickets, ${eventLogYearsBack} years old, ${eventLogTeams} teams:`,
      ['no calendars', 'calendars'],
      [noneResult, calendarsResult],
    )}`,
  );
}
