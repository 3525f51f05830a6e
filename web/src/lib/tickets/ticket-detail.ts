// One ticket's facts (`GET /api/tickets/:id`) and their verdicts in words.
import type { TicketDetailResponse } from '$api/contracts';
import { readJson, type FetchJsonOptions } from '../api/client';
import { api } from '../api/rpc';

export type TicketDetail = TicketDetailResponse;

/** `GET /api/tickets/:id`: the ticket's milestones, durations, SLA clocks, rates (why it counted) and events. */
export function ticketDetail(id: number, options: FetchJsonOptions = {}): Promise<TicketDetail> {
  const endpoint = api(options).tickets[':id'];
  const args = { param: { id: String(id) } };
  return readJson<TicketDetail>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
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
