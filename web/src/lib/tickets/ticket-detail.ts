// One ticket's facts, `GET /api/tickets/:id` (issue 11, API side). The shape mirrors `ticketDetailResponseSchema`
// of that work; once it is merged into main, `TicketDetail` becomes `import type { TicketDetailResponse } from
// '$api/contracts'` and `ticketDetail` goes through the typed `api()` client like ./../api/queries.ts.
import { fetchJson, type FetchJsonOptions } from '../api/client';

type Instant = string | null;

export interface TicketDetail {
  ticket: {
    ticket_id: number; source: string; external_id: string; subject: string | null; status: string; channel: string;
    priority: string | null; category: string | null; subcategory: string | null; team_id: string | null;
    assignee_id: string | null; requester_id: string | null; requester_kind: string; organization: string | null;
  };
  milestones: {
    created_at: Instant; first_response_at: Instant; first_solved_at: Instant; solved_at: Instant; closed_at: Instant; due_at: Instant;
    agent_replies: number; customer_replies: number; reopens: number; team_stations: number; assignee_stations: number;
    escalations: number; escalation_level_max: number; is_escalated: boolean; is_solved: boolean;
  };
  durations: { metric: string; label: string; calendar_minutes: number | null; business_minutes: number | null }[];
  sla: { target: 'first_response' | 'resolution'; due_at: Instant; state: 'met' | 'breached' | 'running' | 'no_target' }[];
  rates: {
    metric: string; label: string; formula: string; in_base: boolean; counted: boolean | null;
    checks: { label: string; holds: boolean }[];
    variants: { name: string; label: string; counted: boolean | null }[];
  }[];
  events: { occurred_at: string; kind: string; actor: string | null; actor_kind: string; from_value: string | null; to_value: string | null }[];
}

/** `GET /api/tickets/:id` */
export function ticketDetail(id: number, options: FetchJsonOptions = {}): Promise<TicketDetail> {
  return fetchJson<TicketDetail>(`/api/tickets/${encodeURIComponent(String(id))}`, options);
}

/** A rate's verdict on the ticket in words (not colour alone): counted, not counted, or not in its base. */
export function rateVerdict(rate: Pick<TicketDetail['rates'][number], 'in_base' | 'counted'>): { word: string; icon: string } {
  if (!rate.in_base || rate.counted === null) return { word: 'not in its base', icon: '○' };
  return rate.counted ? { word: 'counted', icon: '✓' } : { word: 'not counted', icon: '✗' };
}

/** An SLA clock's state in words. */
export function slaWord(state: TicketDetail['sla'][number]['state']): { word: string; icon: string } {
  switch (state) {
    case 'met':
      return { word: 'met', icon: '✓' };
    case 'breached':
      return { word: 'breached', icon: '✗' };
    case 'running':
      return { word: 'running', icon: '◷' };
    case 'no_target':
      return { word: 'no target', icon: '–' };
  }
}
