-- Input: temp table named_values (names 'team' or 'agent', field, value, record: each distinct value of a column
-- that names a team or an agent, and its first record, pipelines/unknown-names.ts), param $time_zone (the load's zone).
-- Output: unknown_names (each value no team or agent matches by id or name, per field, in the file's order) and
-- created_teams / created_agents, the rows the load adds for them: a team is what a team without a calendar is
-- (PRODUCT.md §4: its tickets have no business minutes until a calendar is set), in-house, at level 1, not an
-- escalation team, in the load's time zone; an agent is a person, at level 1, in no team.
CREATE OR REPLACE TEMP TABLE unknown_names AS
SELECT names, field, value, min(record) AS first_record
  FROM named_values
 WHERE (names = 'team' AND value NOT IN (SELECT team_id FROM teams) AND value NOT IN (SELECT name FROM teams))
    OR (names = 'agent' AND value NOT IN (SELECT agent_id FROM agents) AND value NOT IN (SELECT name FROM agents))
 GROUP BY names, field, value;

CREATE OR REPLACE TEMP TABLE created_teams AS
SELECT value AS team_id, value AS name, $time_zone AS time_zone, 'in_house' AS provider_kind, NULL::VARCHAR AS provider_name,
       1::SMALLINT AS support_level, false AS is_escalation_team, min(first_record) AS first_record
  FROM unknown_names
 WHERE names = 'team'
 GROUP BY value;

CREATE OR REPLACE TEMP TABLE created_agents AS
SELECT value AS agent_id, value AS name, NULL::VARCHAR AS email, NULL::VARCHAR AS team_id, 1::SMALLINT AS support_level,
       false AS is_bot, min(first_record) AS first_record
  FROM unknown_names
 WHERE names = 'agent'
 GROUP BY value;
