// The comments search as API parameters, and a comment's score in words; expected values by hand.
import { describe, expect, it } from 'vitest';
import type { ViewFilters } from '../../web/src/lib/api/view';
import { commentsQuery, emptySearch, scoreText } from '../../web/src/lib/feedback/comments';

const view: ViewFilters = {
  range: { from: '2026-01-01', to: '2026-04-01' },
  dimensions: { team: ['zg'], channel: ['email', 'chat'], priority: [], provider: [], requester_kind: [] },
  hours: 'business',
};

describe('comments search', () => {
  it('asks for the view’s range and filters only, when the search is empty', () => {
    expect(commentsQuery(view, emptySearch, { limit: 25, offset: 0 })).toEqual({
      from: '2026-01-01', to: '2026-04-01', team: ['zg'], channel: ['email', 'chat'], limit: '25',
    });
  });

  it('adds the text, surveys, score bounds and the page', () => {
    expect(commentsQuery(view, { text: '  refund ', kinds: ['csat', 'ces'], scoreMin: '1', scoreMax: ' 3' }, { limit: 25, offset: 50 })).toEqual({
      from: '2026-01-01', to: '2026-04-01', team: ['zg'], channel: ['email', 'chat'],
      q: 'refund', kind: ['csat', 'ces'], score_min: '1', score_max: '3', limit: '25', offset: '50',
    });
  });

  it('reads the numbers a number input gives, and null as no bound', () => {
    const query = commentsQuery(view, { ...emptySearch, scoreMin: 0, scoreMax: null }, { limit: 10, offset: 0 });
    expect(query.score_min).toBe('0');
    expect(query).not.toHaveProperty('score_max');
  });

  it('leaves out a score that is not a number', () => {
    expect(commentsQuery(view, { ...emptySearch, scoreMin: 'low', scoreMax: '' }, { limit: 10, offset: 0 })).not.toHaveProperty('score_min');
  });

  it('says a score with its scale', () => {
    expect(scoreText({ kind: 'csat', score: 4, scale_max: 5 })).toBe('CSAT 4 of 5');
    expect(scoreText({ kind: 'nps', score: 9, scale_max: 10 })).toBe('NPS 9 of 10');
    expect(scoreText({ kind: 'ces', score: null, scale_max: 7 })).toBe('CES no score');
  });
});
