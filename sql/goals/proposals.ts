// Goal proposals: a lead proposes a goal for their team; a manager accepts it (it becomes a goal, whose versions
// start then) or declines it with a reason. Proposals are kept with who and when; a pending one is never judged.
import type { Account } from '../accounts/users.ts';
import type { Database, Query } from '../db.ts';
import { insertGoal, type Goal, type GoalInput } from './goals.ts';
import { isoInstantSql } from '../iso-instant.ts';

export const proposalStatuses = ['pending', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export interface GoalProposal {
  proposal_id: number;
  team_id: string;
  definition: GoalInput;
  status: ProposalStatus;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  /** The goal an accepted proposal became. */
  goal_id: number | null;
}

/** A decision on a proposal that is no longer pending: 409; an unknown one: 404. */
export class ProposalRefusal extends Error {
  constructor(readonly kind: 'not_found' | 'decided', message: string) {
    super(message);
    this.name = 'ProposalRefusal';
  }
}

const instant = (column: string) => isoInstantSql(column, 'ms');
const proposalColumns = `proposal_id::INTEGER AS proposal_id, team_id, definition::VARCHAR AS definition, status, proposed_by, proposed_by_name,
  ${instant('proposed_at')} AS proposed_at, decided_by_name, ${instant('decided_at')} AS decided_at, decline_reason, goal_id::INTEGER AS goal_id`;

type ProposalRow = Omit<GoalProposal, 'definition'> & { definition: string } & Record<string, unknown>;
const toProposal = (row: ProposalRow): GoalProposal => ({ ...row, definition: JSON.parse(row.definition) as GoalInput });

/** Stores a lead's proposal for `teamId` (the definition's scope already limited to that team). */
export async function proposeGoal(db: Database, teamId: string, definition: GoalInput, by: Account, now: Date): Promise<GoalProposal> {
  return db.write(async (tx) => {
    const row = await tx.one<{ id: number }>(
      `INSERT INTO goal_proposals (team_id, definition, proposed_by, proposed_by_name, proposed_at)
       VALUES ($team, $definition::JSON, $by, $by_name, $at::TIMESTAMPTZ) RETURNING proposal_id::INTEGER AS id`,
      { team: teamId, definition: JSON.stringify(definition), by: by.id, by_name: by.display_name, at: now.toISOString() },
    );
    return (await proposalById(tx, row!.id))!;
  });
}

export interface ProposalQuery {
  status?: ProposalStatus;
  /** Only those this account proposed (a lead sees their own). */
  proposedBy?: string;
}

/** Proposals, pending first, then newest first. */
export async function listProposals(db: Database, query: ProposalQuery = {}): Promise<GoalProposal[]> {
  const rows = await db.read<ProposalRow>(
    `SELECT ${proposalColumns} FROM goal_proposals
      WHERE ($status::VARCHAR IS NULL OR status = $status) AND ($by::VARCHAR IS NULL OR proposed_by = $by)
      ORDER BY status <> 'pending', proposed_at DESC, proposal_id DESC`,
    { status: query.status ?? null, by: query.proposedBy ?? null },
  );
  return rows.map(toProposal);
}

async function proposalById(tx: Pick<Query, 'one'>, id: number): Promise<GoalProposal | undefined> {
  const row = await tx.one<ProposalRow>(`SELECT ${proposalColumns} FROM goal_proposals WHERE proposal_id = $id`, { id });
  return row && toProposal(row);
}

/** Claims a pending proposal for a decision, in the writer's transaction: refused when unknown or already decided. */
async function pending(tx: Query, id: number): Promise<GoalProposal> {
  const proposal = await proposalById(tx, id);
  if (!proposal) throw new ProposalRefusal('not_found', `there is no goal proposal ${id}`);
  if (proposal.status !== 'pending') throw new ProposalRefusal('decided', `goal proposal ${id} was already ${proposal.status} by ${proposal.decided_by_name} at ${proposal.decided_at}`);
  return proposal;
}

/** A manager accepts: the proposal becomes a goal (version 1 in force from `now`) in the same commit. */
export async function acceptProposal(db: Database, id: number, by: Account, now: Date): Promise<{ proposal: GoalProposal; goal: Goal }> {
  return db.write(async (tx) => {
    const proposal = await pending(tx, id);
    const goal = await insertGoal(tx, proposal.definition, now);
    await tx.run(
      `UPDATE goal_proposals SET status = 'accepted', decided_by = $by, decided_by_name = $by_name, decided_at = $at::TIMESTAMPTZ, goal_id = $goal
        WHERE proposal_id = $id`,
      { id, by: by.id, by_name: by.display_name, at: now.toISOString(), goal: goal.goal_id },
    );
    return { proposal: (await proposalById(tx, id))!, goal };
  });
}

/** A manager declines, saying why; the proposal stays, with the reason. */
export async function declineProposal(db: Database, id: number, reason: string, by: Account, now: Date): Promise<GoalProposal> {
  return db.write(async (tx) => {
    await pending(tx, id);
    await tx.run(
      `UPDATE goal_proposals SET status = 'declined', decided_by = $by, decided_by_name = $by_name, decided_at = $at::TIMESTAMPTZ, decline_reason = $reason
        WHERE proposal_id = $id`,
      { id, by: by.id, by_name: by.display_name, at: now.toISOString(), reason },
    );
    return (await proposalById(tx, id))!;
  });
}
