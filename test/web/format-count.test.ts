// A count with its noun: "1 comment", never "1 comments".
import { expect, it } from 'vitest';
import { formatCountOf } from '../../web/src/lib/format';

it.each([
  [0, 'ticket', undefined, '0 tickets'],
  [1, 'ticket', undefined, '1 ticket'],
  [2, 'ticket', undefined, '2 tickets'],
  [1234, 'ticket', undefined, '1,234 tickets'],
  [1, 'comment matches', 'comments match', '1 comment matches'],
  [3, 'comment matches', 'comments match', '3 comments match'],
])('%d %s → %s', (n, singular, plural, expected) => {
  expect(formatCountOf(n, singular, plural)).toBe(expected);
});
