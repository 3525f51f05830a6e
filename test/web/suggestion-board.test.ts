// The suggestion pages' pure parts: the board's choice in the URL, how long a suggestion has waited, the submit and
// move forms as the API takes them, which field an API problem is about, and the audit trail in words — against
// hand-written values.
import { describe, expect, it } from 'vitest';
import {
  boardChoiceFromQuery,
  boardChoiceToQuery,
  elapsed,
  isEdited,
  moveBody,
  moveField,
  submitBody,
  submitField,
  waitingText,
} from '../../web/src/lib/suggestions/board';
import { describeEvent } from '../../web/src/lib/suggestions/events';

const problem = (detail: string, parameter?: string) => ({ type: 'about:blank', title: 'Text too long', status: 422, detail, ...(parameter ? { issues: [{ parameter, message: detail }] } : {}) });

describe('the board’s choice in the URL', () => {
  it('reads status, sort and mine, and falls back to all, newest, everyone’s', () => {
    expect(boardChoiceFromQuery(new URLSearchParams('status=accepted&sort=votes&mine=1'))).toEqual({ status: 'accepted', sort: 'votes', mine: true });
    expect(boardChoiceFromQuery(new URLSearchParams('status=done&sort=random&mine=yes'))).toEqual({ status: null, sort: 'newest', mine: false });
  });

  it('writes only what differs from the defaults and keeps the other parameters', () => {
    const written = boardChoiceToQuery({ status: 'new', sort: 'newest', mine: true }, new URLSearchParams('range=30d&sort=votes'));
    expect(written.toString()).toBe('range=30d&status=new&mine=1');
    expect(boardChoiceToQuery({ status: null, sort: 'oldest_unanswered', mine: false }).toString()).toBe('sort=oldest_unanswered');
  });
});

describe('how long a suggestion has waited', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  it('says the largest whole unit', () => {
    expect(elapsed('2026-12-06T11:59:30Z', now)).toBe('under a minute');
    expect(elapsed('2026-12-06T11:59:00Z', now)).toBe('1 minute');
    expect(elapsed('2026-12-06T11:01:00Z', now)).toBe('59 minutes');
    expect(elapsed('2026-12-06T11:00:00Z', now)).toBe('1 hour');
    // Under two days in hours (a day and a half is "36 hours", not "1 day").
    expect(elapsed('2026-12-05T00:00:00Z', now)).toBe('36 hours');
    expect(elapsed('2026-12-03T11:00:00Z', now)).toBe('3 days');
    // A clock a little behind the server's is not a negative wait.
    expect(elapsed('2026-12-06T12:00:05Z', now)).toBe('under a minute');
  });

  it('counts from submission until the first answer, then says when it was answered', () => {
    expect(waitingText({ created_at: '2026-12-03T11:00:00Z', first_response_at: null, responded_at: null }, now)).toBe('waiting 3 days');
    expect(waitingText({ created_at: '2026-12-01T12:00:00Z', first_response_at: '2026-12-04T12:00:00Z', responded_at: '2026-12-06T10:00:00Z' }, now)).toBe(
      'answered 2 hours ago, open 5 days',
    );
  });
});

describe('the forms as the API takes them', () => {
  it('sends the texts exactly as typed and links only when chosen', () => {
    expect(submitBody({ title: '  <b>Idea</b> ', body: 'Line 1\nLine 2 ', issue: '', goal: '', anonymous: false })).toEqual({ title: '  <b>Idea</b> ', body: 'Line 1\nLine 2 ' });
    expect(submitBody({ title: 'T', body: 'B', issue: '13', goal: '2', anonymous: true })).toEqual({ title: 'T', body: 'B', anonymous: true, issue_id: 13, goal_id: 2 });
  });

  it('sends a reason only with declined, a date only with implemented, a response when written', () => {
    const form = { response: 'Thanks', reason: 'Too costly', implementedOn: '2026-12-01' };
    expect(moveBody({ ...form, to: 'accepted' })).toEqual({ to: 'accepted', response: 'Thanks' });
    expect(moveBody({ ...form, to: 'declined' })).toEqual({ to: 'declined', response: 'Thanks', reason: 'Too costly' });
    expect(moveBody({ ...form, response: '  ', to: 'implemented' })).toEqual({ to: 'implemented', implemented_on: '2026-12-01' });
    // An empty reason is not sent: the API's 422 then names the field, and the page shows it there.
    expect(moveBody({ ...form, reason: '', to: 'declined' })).toEqual({ to: 'declined', response: 'Thanks' });
  });

  it('puts a problem beside the field it names, else above the button', () => {
    expect(submitField(problem('title: at most 200 characters (this one has 201).', 'title'))).toBe('title');
    expect(submitField(problem('issue_id: there is no recurring problem 99.'))).toBe('issue_id');
    expect(submitField(problem('The body is not application/json.'))).toBe('form');
    expect(moveField(problem('reason: declining needs a reason.', 'reason'))).toBe('reason');
    expect(moveField(problem('implemented_on: implementing needs a date.', 'implemented_on'))).toBe('implemented_on');
    expect(moveField(problem('to: not a move from accepted.', 'to'))).toBe('to');
    expect(moveField(problem('Something else'))).toBe('form');
  });

  it('tells an edited comment by its versions or its edit time', () => {
    expect(isEdited({ versions: [1], edited_at: null })).toBe(false);
    expect(isEdited({ versions: [1, 2], edited_at: '2026-12-06T10:00:00Z' })).toBe(true);
  });
});

describe('the audit trail in words', () => {
  it('says what each change did and keeps the text it carried', () => {
    expect(describeEvent({ kind: 'create', payload: { title: 'T', body: 'B', anonymous: true } })).toEqual({ action: 'submitted it, anonymous to colleagues', text: null });
    expect(describeEvent({ kind: 'move', payload: { from: 'in_progress', to: 'implemented', implemented_on: '2026-05-30' } })).toEqual({
      action: 'moved it from In progress to Implemented (live 2026-05-30)',
      text: null,
    });
    expect(describeEvent({ kind: 'move', payload: { from: 'new', to: 'declined', reason: 'Too costly' } })).toEqual({ action: 'moved it from New to Declined', text: 'Too costly' });
    expect(describeEvent({ kind: 'response', payload: { response: 'Shipped.' } })).toEqual({ action: 'answered', text: 'Shipped.' });
    expect(describeEvent({ kind: 'comment_edit', payload: { comment_id: 1, version: 2, before: 'old text', after: 'new text' } })).toEqual({ action: 'edited a comment', text: 'Before: old text' });
    expect(describeEvent({ kind: 'edit', payload: { before: { issue_id: null }, after: { issue_id: 13 }, linked_by: 'demo' } })).toEqual({ action: 'changed issue_id (linked by the demo)', text: null });
    expect(describeEvent({ kind: 'edit', payload: { before: { title: 'Old title' }, after: { title: 'New title' } } })).toEqual({ action: 'changed title', text: 'Before: Old title' });
    expect(describeEvent({ kind: 'unvote', payload: {} })).toEqual({ action: 'took their vote back', text: null });
  });
});
