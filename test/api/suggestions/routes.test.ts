// Suggestions through the API as each role (issue 13 §2): submit, read, edit, vote, comment, move, anonymity and the
// limits, on the small fixture (teams zagreb and manila; its one suggestion, 1, is Ana Kovač's, accepted by Iva Lead).
// The server's clock is set by each test, so every instant below is the one the test chose.
import { describe, expect, it } from 'vitest';
import type { SuggestionListResponse } from '../../../api/contracts.ts';
import { useSuggestionApp } from '../../helpers/suggestion-app.ts';

const fixture = useSuggestionApp(
  {
    ana: ['agent', 'zagreb'], ivo: ['agent', 'zagreb'], mia: ['agent', 'manila'], lead: ['lead', 'zagreb'],
    'manila-lead': ['lead', 'manila'], boss: ['manager', null], admin: ['admin', null],
  },
  '2026-02-02T09:00:00Z',
);
const call = fixture.call;
const at = (instant: string) => (fixture.clock.now = new Date(instant));

const submit = (who: string, body: Record<string, unknown>) => call(who, 'POST', '/api/suggestions', body);

describe('submitting and reading', () => {
  it('stores the texts exactly as written, script and markup included, and answers 201 with the suggestion', async () => {
    const title = '<script>alert("x")</script> & <img src=x onerror=alert(1)> “Ünïcödé” 🙂 עברית ‮';
    const body = 'Line one\r\nLine two\twith tab\u0000? no: zero-width\u200b joiner, combining e\u0301, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.';
    const created = await submit('ana', { title, body: body.replace('\u0000', '') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title, body: body.replace('\u0000', ''), status: 'new', team_id: 'zagreb', votes: 0, mine: true, author: { id: 'ana' } });
    const stored = await fixture.db.readOne<{ title: string; body: string }>('SELECT title, body FROM suggestions WHERE suggestion_id = $id', { id: created.body.suggestion_id });
    expect(stored).toEqual({ title, body: body.replace('\u0000', '') });
    const read = await call('ivo', 'GET', `/api/suggestions/${created.body.suggestion_id}`);
    expect(read.body.title).toBe(title);
  });

  it('refuses a blank title (400) and links to what does not exist (422 naming the field)', async () => {
    expect((await submit('ana', { title: '   ', body: 'x' })).body.issues?.[0]?.parameter).toBe('title');
    const noGoal = await submit('ana', { title: 'Link', body: 'x', goal_id: 999 });
    expect([noGoal.status, noGoal.body.issues?.[0]?.parameter]).toEqual([422, 'goal_id']);
    const noTicket = await submit('ana', { title: 'Link', body: 'x', ticket_ids: [1, 424242] });
    expect([noTicket.status, noTicket.body.detail]).toEqual([422, 'ticket_ids: there is no ticket 424242.']);
  });

  it('an admin keeps accounts and does not take part (403)', async () => {
    expect((await submit('admin', { title: 'x', body: 'y' })).status).toBe(403);
  });
});

describe('limits: title 200, body 10,000, comment 5,000 characters (code points)', () => {
  it('takes exactly the limit, emoji counted as one character each, and refuses one more with 422 naming the field', async () => {
    const emojiTitle = '😀'.repeat(200); // 400 UTF-16 units, 800 bytes: 200 characters
    const ok = await submit('ana', { title: emojiTitle, body: 'é'.repeat(10_000) });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe(emojiTitle);
    const longTitle = await submit('ana', { title: 'a'.repeat(201), body: 'x' });
    expect([longTitle.status, longTitle.body.issues?.[0]?.parameter, longTitle.body.detail]).toEqual([422, 'title', 'title: at most 200 characters (this one has 201).']);
    const longBody = await submit('ana', { title: 'x', body: '😀'.repeat(10_001) });
    expect([longBody.status, longBody.body.issues?.[0]?.parameter]).toEqual([422, 'body']);
    const longComment = await call('ivo', 'POST', `/api/suggestions/${ok.body.suggestion_id}/comments`, { body: 'c'.repeat(5_001) });
    expect([longComment.status, longComment.body.issues?.[0]?.parameter]).toEqual([422, 'body']);
    const fullComment = await call<{ comment_id: number }>('ivo', 'POST', `/api/suggestions/${ok.body.suggestion_id}/comments`, { body: 'c'.repeat(5_000) });
    expect(fullComment.status).toBe(201);
    const longEdit = await call('ana', 'PATCH', `/api/suggestions/${ok.body.suggestion_id}`, { title: 'b'.repeat(201) });
    expect([longEdit.status, longEdit.body.issues?.[0]?.parameter]).toEqual([422, 'title']);
  });
});

describe('votes', () => {
  it('one live vote per person, revocable, counted exactly; a double vote or a revoke without a vote is 409', async () => {
    const { body: s } = await submit('ana', { title: 'Votes', body: 'x' });
    const url = `/api/suggestions/${s.suggestion_id}/vote`;
    expect((await call('ivo', 'POST', url)).body).toMatchObject({ votes: 1, voted: true });
    const twice = await call('ivo', 'POST', url);
    expect([twice.status, twice.body.detail]).toEqual([409, 'vote: you have already voted for this suggestion.']);
    expect((await call('mia', 'POST', url)).body).toMatchObject({ votes: 2, voted: true });
    expect((await call('ivo', 'GET', `/api/suggestions/${s.suggestion_id}`)).body).toMatchObject({ votes: 2, voted: true });
    expect((await call('ivo', 'DELETE', url)).body).toMatchObject({ votes: 1, voted: false });
    expect((await call('ivo', 'DELETE', url)).status).toBe(409);
    expect((await call('ivo', 'POST', url)).body).toMatchObject({ votes: 2, voted: true });
    // Nothing is deleted: the revoked vote stays, with when.
    const rows = await fixture.db.read<{ user_id: string; revoked: boolean }>(
      `SELECT user_id, revoked_at IS NOT NULL AS revoked FROM suggestion_votes WHERE suggestion_id = $id ORDER BY user_id, revoked DESC`,
      { id: s.suggestion_id },
    );
    expect(rows).toEqual([{ user_id: 'ivo', revoked: true }, { user_id: 'ivo', revoked: false }, { user_id: 'mia', revoked: false }]);
  });

  it('a declined suggestion takes no votes (409)', async () => {
    const { body: s } = await submit('ana', { title: 'To decline', body: 'x' });
    expect((await call('boss', 'POST', `/api/suggestions/${s.suggestion_id}/move`, { to: 'declined', reason: 'Not now' })).status).toBe(200);
    const vote = await call('ivo', 'POST', `/api/suggestions/${s.suggestion_id}/vote`);
    expect([vote.status, vote.body.detail]).toEqual([409, 'status: a declined suggestion takes no votes.']);
  });

  it('an unknown suggestion is 404', async () => {
    expect((await call('ivo', 'POST', '/api/suggestions/9999/vote')).status).toBe(404);
    expect((await call('ivo', 'GET', '/api/suggestions/9999')).status).toBe(404);
  });
});

describe('edits and comments keep every text', () => {
  it('only the author edits; the event keeps what the fields said before', async () => {
    at('2026-02-03T10:00:00Z');
    const { body: s } = await submit('ana', { title: 'First title', body: 'First body' });
    const byOther = await call('ivo', 'PATCH', `/api/suggestions/${s.suggestion_id}`, { title: 'Hijack' });
    expect([byOther.status, byOther.body.detail]).toEqual([403, 'id: only its author may edit a suggestion.']);
    expect((await call('boss', 'PATCH', `/api/suggestions/${s.suggestion_id}`, { title: 'Boss edit' })).status).toBe(403);
    at('2026-02-03T11:00:00Z');
    const edited = await call('ana', 'PATCH', `/api/suggestions/${s.suggestion_id}`, { title: 'Second title', body: 'First body' });
    expect(edited.body).toMatchObject({ title: 'Second title', body: 'First body' });
    const trail = (await call('boss', 'GET', `/api/suggestions/${s.suggestion_id}`)).body.events!;
    expect(trail.map((e) => [e.kind, e.actor.id, e.occurred_at])).toEqual([
      ['create', 'ana', '2026-02-03T10:00:00.000Z'],
      ['edit', 'ana', '2026-02-03T11:00:00.000Z'],
    ]);
    expect(trail[1]!.payload).toEqual({ before: { title: 'First title' }, after: { title: 'Second title' } });
  });

  it('a comment edit adds a version, shown with the older ones; only its author edits it', async () => {
    const { body: s } = await submit('ana', { title: 'Comments', body: 'x' });
    at('2026-02-04T08:00:00Z');
    const added = await call<{ comment_id: number }>('ivo', 'POST', `/api/suggestions/${s.suggestion_id}/comments`, { body: 'Good idea <b>!</b>' });
    expect(added.status).toBe(201);
    const url = `/api/suggestions/${s.suggestion_id}/comments/${added.body.comment_id}`;
    const byOther = await call('ana', 'PATCH', url, { body: 'Bad idea' });
    expect([byOther.status, byOther.body.detail]).toEqual([403, 'comment_id: only its author may edit a comment.']);
    at('2026-02-04T09:30:00Z');
    const edited = await call('ivo', 'PATCH', url, { body: 'Great idea' });
    expect(edited.body.comment_list).toEqual([
      {
        comment_id: added.body.comment_id,
        author: { id: 'ivo', display_name: 'ivo' },
        body: 'Great idea',
        created_at: '2026-02-04T08:00:00.000Z',
        edited_at: '2026-02-04T09:30:00.000Z',
        versions: [
          { version: 1, body: 'Good idea <b>!</b>', written_at: '2026-02-04T08:00:00.000Z' },
          { version: 2, body: 'Great idea', written_at: '2026-02-04T09:30:00.000Z' },
        ],
      },
    ]);
    const trail = (await call('boss', 'GET', `/api/suggestions/${s.suggestion_id}`)).body.events!;
    expect(trail.at(-1)).toMatchObject({ kind: 'comment_edit', actor: { id: 'ivo' }, payload: { comment_id: added.body.comment_id, version: 2, before: 'Good idea <b>!</b>', after: 'Great idea' } });
    expect((await call('ivo', 'PATCH', `/api/suggestions/${s.suggestion_id}/comments/99999`, { body: 'x' })).status).toBe(404);
  });
});

describe('the workflow', () => {
  it('new → under_review → accepted → in_progress → implemented, each move with who, and the response the author sees', async () => {
    at('2026-02-05T09:00:00Z');
    const { body: s } = await submit('ana', { title: 'Workflow', body: 'x' });
    const move = (who: string, body: Record<string, unknown>) => call(who, 'POST', `/api/suggestions/${s.suggestion_id}/move`, body);
    // Agents may not move (the declaration); a lead of another team may not move this team's (scope).
    expect((await move('ivo', { to: 'under_review' })).status).toBe(403);
    const otherLead = await move('manila-lead', { to: 'under_review' });
    expect([otherLead.status, otherLead.body.detail]).toEqual([403, 'id: a lead moves the suggestions of their own team only.']);
    const skip = await move('lead', { to: 'accepted' });
    expect([skip.status, skip.body.detail]).toEqual([409, 'to: a suggestion that is new cannot move to accepted (it may move to under_review or declined).']);
    at('2026-02-05T13:30:00Z');
    expect((await move('lead', { to: 'under_review', response: 'We will look at it on Thursday.' })).body).toMatchObject({
      status: 'under_review', response: 'We will look at it on Thursday.', responded_by: { id: 'lead' }, first_response_at: '2026-02-05T13:30:00.000Z',
    });
    at('2026-02-06T10:00:00Z');
    expect((await move('boss', { to: 'accepted', response: 'Approved.' })).body).toMatchObject({ status: 'accepted', first_response_at: '2026-02-05T13:30:00.000Z' });
    expect((await move('lead', { to: 'in_progress' })).body.status).toBe('in_progress');
    const undated = await move('lead', { to: 'implemented' });
    expect([undated.status, undated.body.issues?.[0]?.parameter]).toEqual([422, 'implemented_on']);
    const tooEarly = await move('lead', { to: 'implemented', implemented_on: '2026-02-04' });
    expect([tooEarly.status, tooEarly.body.issues?.[0]?.parameter]).toEqual([422, 'implemented_on']);
    expect((await move('lead', { to: 'implemented', implemented_on: '2026-02-06' })).body).toMatchObject({ status: 'implemented', implemented_on: '2026-02-06', moves: [] });
    const closed = await move('boss', { to: 'declined', reason: 'Changed our mind' });
    expect([closed.status, closed.body.detail]).toEqual([409, 'to: a suggestion that is implemented cannot move to declined (it is closed).']);
    // The author sees the latest response.
    expect((await call('ana', 'GET', `/api/suggestions/${s.suggestion_id}`)).body).toMatchObject({ response: 'Approved.', responded_by: { id: 'boss' }, events: null });
    const trail = (await call('boss', 'GET', `/api/suggestions/${s.suggestion_id}`)).body.events!;
    expect(trail.filter((e) => e.kind !== 'create').map((e) => [e.kind, e.actor.id, e.payload])).toEqual([
      ['move', 'lead', { from: 'new', to: 'under_review' }],
      ['response', 'lead', { response: 'We will look at it on Thursday.' }],
      ['move', 'boss', { from: 'under_review', to: 'accepted' }],
      ['response', 'boss', { response: 'Approved.' }],
      ['move', 'lead', { from: 'accepted', to: 'in_progress' }],
      ['move', 'lead', { from: 'in_progress', to: 'implemented', implemented_on: '2026-02-06' }],
    ]);
  });

  it('declined from any open state, with a reason (422 without); a declined one is closed to edits', async () => {
    for (const path of [[], ['under_review'], ['under_review', 'accepted'], ['under_review', 'accepted', 'in_progress']]) {
      const { body: s } = await submit('ana', { title: `Decline after ${path.join(',') || 'new'}`, body: 'x' });
      const move = (body: Record<string, unknown>) => call('boss', 'POST', `/api/suggestions/${s.suggestion_id}/move`, body);
      for (const to of path) expect((await move({ to })).status).toBe(200);
      const reasonless = await move({ to: 'declined' });
      expect([reasonless.status, reasonless.body.issues?.[0]?.parameter]).toEqual([422, 'reason']);
      expect((await move({ to: 'declined', reason: 'Out of scope' })).body).toMatchObject({ status: 'declined', decline_reason: 'Out of scope' });
      expect((await call('ana', 'PATCH', `/api/suggestions/${s.suggestion_id}`, { title: 'Please reconsider' })).status).toBe(409);
    }
  });
});

describe('anonymous to colleagues', () => {
  it('hides the author from agents and leads, not from the author, managers or the events', async () => {
    const { body: s } = await submit('ana', { title: 'Anonymous', body: 'x', anonymous: true });
    const seen = async (who: string) => (await call(who, 'GET', `/api/suggestions/${s.suggestion_id}`)).body;
    expect(await seen('ivo')).toMatchObject({ author: null, anonymous: true, mine: false, events: null });
    expect(await seen('lead')).toMatchObject({ author: null, events: null });
    expect(await seen('ana')).toMatchObject({ author: { id: 'ana' }, mine: true });
    const manager = await seen('boss');
    expect(manager.author).toEqual({ id: 'ana', display_name: 'ana' });
    expect(manager.events![0]).toMatchObject({ kind: 'create', actor: { id: 'ana' } });
    const listed = (await call<SuggestionListResponse>('ivo', 'GET', '/api/suggestions?sort=newest')).body.items.find((i) => i.suggestion_id === s.suggestion_id)!;
    expect(listed.author).toBeNull();
    expect(JSON.stringify(listed)).not.toContain('"ana"');
    // "mine" finds the author's own anonymous suggestion for them, and never for anyone else.
    const mine = (await call<SuggestionListResponse>('ana', 'GET', '/api/suggestions?mine=true&limit=200')).body.items.map((i) => i.suggestion_id);
    expect(mine).toContain(s.suggestion_id);
    const ivosOwn = (await call<SuggestionListResponse>('ivo', 'GET', '/api/suggestions?mine=true&limit=200')).body.items.map((i) => i.suggestion_id);
    expect(ivosOwn).not.toContain(s.suggestion_id);
  });
});
