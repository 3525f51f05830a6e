// What each events field and each event kind means, as the printed events skeleton explains them (skeleton.ts).
// docs/importing.md, "Event kinds", states each kind's exact effect; these are its one-line summaries.
// Every canonical events field and every kind is here: test/pipelines/mapping/events-skeleton.test.ts checks it.

export const eventFieldNotes: Record<string, string> = {
  ticket_external_id: 'the ticket (case, incident) the row belongs to',
  occurred_at: 'when it happened',
  kind: 'what happened: your activity or status, mapped to a kind in "values"',
  actor: 'who acted: an agent\'s id or name (the organisation file\'s agents, for bots)',
  actor_kind: 'agent, customer, bot or system ("values" maps your words); only an agent\'s reply is a response',
  from_value: 'the value before: assign, the previous assignee (a reassignment); team_change, the team left',
  to_value: 'the value after: status_change, the new status (open, pending, on_hold, solved, closed); team_change, the team; escalate, the level',
  ticket_subject: 'with creates_tickets: the subject (the latest value the rows carry wins)',
  ticket_channel: 'with creates_tickets: desk, phone, email, chat, social, web or other ("values" maps your words)',
  ticket_priority: 'with creates_tickets: low, normal, high or urgent ("values" maps your words)',
  ticket_category: 'with creates_tickets: the category',
  ticket_subcategory: 'with creates_tickets: the subcategory',
  ticket_team: 'the team (assignment group) on the row: a change along a ticket\'s rows is a transfer, known team or not',
  ticket_requester_id: 'with creates_tickets: the customer who asked',
  support_level: 'the line or tier from this row on: "values" maps your words to 1, 2, 3 (e.g. "2nd line": 2); a rise is an escalation',
};

export const eventKindNotes: Record<string, string> = {
  created: 'the ticket was opened',
  agent_reply: 'a public reply by an agent: the first one is the first response (needs actor_kind agent)',
  customer_reply: 'a message from the customer',
  internal_note: 'a note the customer does not see: counts for nothing',
  status_change: 'a status change: its to_value decides waits only; it does not solve',
  assign: 'assigned to an agent: with from_value (the agent before), a reassignment',
  team_change: 'moved to another team: a transfer',
  priority_change: 'counts for nothing',
  escalate: 'escalated (to_value: the new level, 2 or 3)',
  deescalate: 'back to a lower level: does not undo an escalation',
  solved: 'resolved: the first is first resolution, the last full resolution',
  reopened: 'reopened after a solve',
  closed: 'closed (administrative): without a solved one, the ticket has no resolution time',
  wait_start: 'now waiting on the customer',
  wait_end: 'waiting on us again (work resumed)',
};
