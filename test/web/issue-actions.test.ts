// The lead's actions: which form field an API problem belongs to, the move body, and the history in words.
import { describe, expect, it } from 'vitest';
import { actionField, describeEdit, moveBody } from '../../web/src/lib/issues/actions';

const problem = (parameter: string | null, detail?: string) => ({
  type: 'about:blank', title: 'Bad request', status: 400, detail, ...(parameter ? { issues: [{ parameter, message: 'bad' }] } : {}),
});

describe('which field a problem is about', () => {
  it('follows the parameter the API names, within the form that sent it', () => {
    expect(actionField(problem('name'), 'rename')).toBe('name');
    expect(actionField(problem('known_problem.note'), 'known')).toBe('note');
    expect(actionField(problem('into'), 'merge')).toBe('into');
    expect(actionField(problem('ticket_ids.0'), 'move')).toBe('move');
    expect(actionField(problem('name'), 'move')).toBe('move');
  });

  it('reads a refusal’s “field: …” detail, and falls back to the form', () => {
    expect(actionField(problem(null, 'into: issue 9 was merged into issue 4.'), 'merge')).toBe('into');
    expect(actionField(problem(null, 'Something else went wrong'), 'rename')).toBe('form');
    expect(actionField(problem('id'), 'rename')).toBe('form');
  });
});

describe('move body', () => {
  it('moves each ticket once, in id order, to an existing issue', () => {
    // No `by`: who moves them is the signed-in account.
    expect(moveBody([30, 4, 30, 12], { to: 7 })).toEqual({ ticket_ids: [4, 12, 30], to: 7 });
  });

  it('splits into a new issue with a trimmed name', () => {
    expect(moveBody(new Set([5]), { name: '  Login loop  ' })).toEqual({ ticket_ids: [5], to: null, name: 'Login loop' });
  });
});

describe('history in words', () => {
  const edit = { name: null, note: null, target_issue: null, ticket_ids: null };
  it('says what each kind of edit did', () => {
    expect(describeEdit({ ...edit, kind: 'rename', name: 'Login crash' })).toBe('Renamed to “Login crash”');
    expect(describeEdit({ ...edit, kind: 'known_problem', note: 'FAQ 12' })).toBe('Marked a known problem: FAQ 12');
    expect(describeEdit({ ...edit, kind: 'known_problem_cleared' })).toBe('Known-problem mark taken off');
    expect(describeEdit({ ...edit, kind: 'merge', target_issue: 4 })).toBe('Merged into problem 4');
    expect(describeEdit({ ...edit, kind: 'move', target_issue: 40, ticket_ids: [1] })).toBe('Moved 1 ticket to problem 40');
    expect(describeEdit({ ...edit, kind: 'split', target_issue: 41, ticket_ids: [1, 2], name: 'Loop' })).toBe('Split 2 tickets into a new problem 41, “Loop”');
  });
});
