// Which tokens that mix letters and digits are codes (kept: they name the problem in every language) and which are
// ids, quantities or numbers (dropped: they name the case). Classified by hand.
import { describe, expect, it } from 'vitest';
import { isCaseId, rawTokens } from '../../../pipelines/issues/tokens.ts';

describe('isCaseId', () => {
  it.each(['INC0012345', 'ORD-99-1234', 'INV-2025-00042', 'PO-123456', 'HR12345678901', 'txn_3k9d8f7g2h1j0k', '3f2a9c1e-77b4-4c1d-9e0a-5b6c7d8e9f00', '300GB', '50mbps', '10am', '2nd', '21st'])(
    '%s is an id or a quantity',
    (token) => expect(isCaseId(token)).toBe(true),
  );
  it.each(['E-404', 'E1043', '0x80070005', 'RouterX200', 'ERR_SYNC_409', 'ERR_PAYMENT_502', 'S23', '2FA', '5G', 'COVID-19'])(
    '%s is a code',
    (token) => expect(isCaseId(token)).toBe(false),
  );
});

describe('rawTokens', () => {
  it('splits words at hyphens and apostrophes, keeps codes whole with a separator-free key, drops numbers', () => {
    expect([...rawTokens("nag-crash l'app E-404 PSP_TIMEOUT 5.2.0 13.11.2025 x")]).toEqual([
      { kind: 'word', text: 'nag' },
      { kind: 'word', text: 'crash' },
      { kind: 'word', text: 'app' },
      { kind: 'code', key: 'e404', display: 'E-404' },
      { kind: 'code', key: 'psptimeout', display: 'PSP_TIMEOUT' },
    ]);
  });

  it('keeps "e-" joined ("e-mail" meets "email"), drops other one-letter parts (Taglish "i-reset" → "reset")', () => {
    const words = [...rawTokens('e-mail email E-račun i-reset d.o.o.')].map((t) => (t.kind === 'word' ? t.text : t.key));
    expect(words).toEqual(['email', 'email', 'eračun', 'reset']);
  });

  it("drops English negated auxiliaries and clitics whole (\"doesn't\" is not the word \"doesn\")", () => {
    const words = [...rawTokens("doesn't work, can't log in, we've tried, it's down, they’re gone")].map((t) => (t.kind === 'word' ? t.text : t.key));
    expect(words).toEqual(['work', 'log', 'in', 'we', 'tried', 'it', 'down', 'they', 'gone']);
  });

  it('drops a word longer than 40 letters (a pasted blob, not a word)', () => {
    expect([...rawTokens('a'.repeat(41) + ' crash')]).toEqual([{ kind: 'word', text: 'crash' }]);
  });
});
