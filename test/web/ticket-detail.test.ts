// A ticket's verdicts in words and icons (not colour alone).
import { expect, it } from 'vitest';
import { rateVerdict, slaWord } from '../../web/src/lib/tickets/ticket-detail';

it('a rate counts a ticket, does not, or does not have it in its base', () => {
  expect(rateVerdict({ in_base: true, counted: true })).toEqual({ word: 'counted', icon: '✓' });
  expect(rateVerdict({ in_base: true, counted: false })).toEqual({ word: 'not counted', icon: '✗' });
  expect(rateVerdict({ in_base: false, counted: null })).toEqual({ word: 'not in its base', icon: '○' });
});

it('an SLA clock is met, breached, running or without a target', () => {
  expect(['met', 'breached', 'running', 'no_target'].map((state) => slaWord(state as 'met').word)).toEqual(['met', 'breached', 'running', 'no target']);
});
