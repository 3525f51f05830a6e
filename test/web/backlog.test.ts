// The backlog card's tables (teams/backlog.ts) from a hand-written answer: ages with their share of the open
// tickets, and each assignee's oldest ticket; numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import { ageShares, agesTable, ageWords, oldestTable } from '../../web/src/lib/teams/backlog';

const answer = {
  at: '2025-03-01T00:00:00Z',
  open: 8,
  ages: [
    { label: 'Under a day', from_days: 0, to_days: 1, tickets: 2 },
    { label: '1–7 days', from_days: 1, to_days: 7, tickets: 5 },
    { label: 'Over 30 days', from_days: 30, to_days: null, tickets: 1 },
  ],
  oldest_per_assignee: [
    { assignee_id: 'a1', assignee_name: 'Ada', open: 3, ticket_id: 11, external_id: 'Z-11', subject: 'Printer', created_at: '2025-01-01T00:00:00Z', age_days: 59.5 },
    { assignee_id: null, assignee_name: null, open: 1234, ticket_id: 12, external_id: 'Z-12', subject: null, created_at: '2025-02-28T12:00:00Z', age_days: 0.5 },
  ],
};

describe('backlog tables', () => {
  it('ages: tickets and share of the 8 open (2/8 = 25 %, 5/8 = 62.5 %, 1/8 = 12.5 %)', () => {
    expect(ageShares(answer)).toEqual([25, 62.5, 12.5]);
    const table = agesTable(answer);
    expect(table.columns.map((c) => c.label)).toEqual(['Tickets', 'Share']);
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Under a day', '2', '25.0 %'],
      ['1–7 days', '5', '62.5 %'],
      ['Over 30 days', '1', '12.5 %'],
    ]);
    expect(ageShares({ open: 0, ages: [{ label: 'x', from_days: 0, to_days: null, tickets: 0 }] })).toEqual([0]);
  });

  it('oldest per assignee: the name (or "Unassigned"), open count, ticket and whole days of age', () => {
    const table = oldestTable(answer);
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Ada', '3', '#Z-11 Printer', '59 days'],
      ['Unassigned', '1,234', '#Z-12', 'under a day'],
    ]);
    expect(table.columns[1]).toEqual({ label: 'Oldest ticket', numeric: false, wrap: true });
    expect([0.2, 1, 1.9, 2].map(ageWords)).toEqual(['under a day', '1 day', '1 day', '2 days']);
  });
});
