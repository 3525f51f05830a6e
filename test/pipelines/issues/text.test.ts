// ticketTerms end to end, one ticket per supported language, the expected terms worked out by hand: greetings,
// sign-offs, quoted replies, ids, URLs and e-mails gone; stop words gone (checked against the `stopword` lists);
// codes kept whole and shared across languages; stems as the Snowball (Porter for English) rules give them:
// - en (Porter): "fails" → "fail" (step 1a drops "s"); "morning" → "morn" (step 1b drops "ing" after a vowel);
//   "update", "invoice" lose the final e (step 5a, m > 1) but "time" keeps it (m = 1 and it ends consonant-vowel-consonant);
//   "error", "order" keep "-er" (step 4 needs m > 1, and "err", "ord" have m = 1).
// - hr (Snowball Serbian): case endings go in R1: "grešku" → "grešk", "radi" → "rad", "narudžba" → "narudžb";
//   keys fold č/ć/š/ž/đ: "gresk", "narudzb".
// - ru (Snowball Russian): noun endings "а", "у", "е" go: "ошибка", "ошибку" → "ошибк", "экспорте" → "экспорт",
//   "утра" → "утр"; verb ending "ет" after "а" goes: "выдаёт" (ё read as е) → "выда".
// - it (Snowball Italian): "azione" in R2 goes: "esportazione" → "esport"; a final vowel in RV goes: "errore" →
//   "error", "funziona" → "funzion", "mostra" → "mostr", "stamattina" → "stamattin".
// - es (Snowball Spanish): "ación" in R2 goes: "exportación" → "export"; final "a" in RV: "falla" → "fall".
// - tl: no Tagalog stemmer; the English (Porter) one for its borrowed English (see analysers.ts), which leaves
//   these words as they are; "po", "daw" and the hyphenated affixes "nag-", "ma-" are stop words.
import { describe, expect, it } from 'vitest';
import { ticketTerms, MAX_DESCRIPTION_CHARS } from '../../../pipelines/issues/text.ts';

const perLanguage = [
  {
    title: 'English e-mail with greeting, ids, URL, e-mail, handle, signature and a quoted reply',
    subject: 'Re: Export fails with E-404',
    description:
      'Hi team,\n\nThe CSV export fails with error E-404 since this morning. Order ORD-99-1234, ticket #12345, see ' +
      'https://app.ledgerly.io/exports/123 or ana@firma.hr @LedgerlyHelp\n\nKind regards,\nAna Horvat\nACME d.o.o.\n\n' +
      'On Mon, 3 Nov 2025 at 10:00, Support <help@ledgerly.io> wrote:\n> Please try the export again\n> Thanks',
    language: 'en',
    terms: ['export', 'fail', 'e404', 'csv', 'export', 'fail', 'error', 'e404', 'morn', 'order', 'ticket', 'see'],
  },
  {
    title: 'Croatian e-mail',
    subject: 'Izvoz ne radi: E-404',
    description: 'Poštovani,\n\nIzvoz u CSV javlja grešku E-404 od jutros. Narudžba INC0012345.\n\nLijep pozdrav,\nAna',
    language: 'hr',
    // "jutros", left as it is by the Serbian stemmer, is read as borrowed English: Porter drops its "s".
    terms: ['izvoz', 'rad', 'e404', 'izvoz', 'csv', 'javlj', 'gresk', 'e404', 'jutro', 'narudzb'],
  },
  {
    title: 'Russian e-mail',
    subject: 'Ошибка E-404 при экспорте',
    description: 'Здравствуйте!\n\nЭкспорт в CSV выдаёт ошибку E-404 с утра.\n\nС уважением,\nИван Петров',
    language: 'ru',
    terms: ['ошибк', 'e404', 'экспорт', 'экспорт', 'csv', 'выда', 'ошибк', 'e404', 'утр'],
  },
  {
    title: 'Tagalog (Taglish) e-mail',
    subject: 'Hindi gumagana ang export',
    description: 'Hi po,\n\nNag-error po ang export sa CSV, E-404 daw po. Hindi ko po ma-download.\n\nSalamat po,\nMaria',
    language: 'tl',
    terms: ['gumagana', 'export', 'error', 'export', 'csv', 'e404', 'download'],
  },
  {
    title: 'Italian e-mail',
    subject: "Errore E-404 nell'esportazione",
    description: "Buongiorno,\n\nl'esportazione in CSV non funziona e mostra l'errore E-404 da stamattina.\n\nCordiali saluti,\nMarco Rossi",
    language: 'it',
    terms: ['error', 'e404', 'esport', 'esport', 'csv', 'funzion', 'mostr', 'error', 'e404', 'stamattin'],
  },
  {
    title: 'Spanish e-mail',
    subject: 'Error E-404 en la exportación',
    description: 'Hola,\n\nla exportación a CSV falla con el error E-404 desde ayer.\n\nSaludos,\nLucía',
    language: 'es',
    terms: ['error', 'e404', 'export', 'export', 'csv', 'fall', 'error', 'e404', 'ayer'],
  },
];

describe('ticketTerms per language', () => {
  it.each(perLanguage)('$title', ({ subject, description, language, terms }) => {
    const result = ticketTerms(subject, description);
    expect(result.language).toBe(language);
    expect(result.terms).toEqual(terms);
    expect(result.display).toHaveLength(terms.length);
    expect(result.reason).toBeUndefined();
  });

  it('gives the error code the same key in every language, so the six tickets share it', () => {
    const shared = perLanguage.map(({ subject, description }) => new Set(ticketTerms(subject, description).terms));
    expect(shared.every((terms) => terms.has('e404'))).toBe(true);
  });

  it('analyses the English borrowed by Taglish and Russian tickets as English, so they meet English tickets', () => {
    // "invoices" → "invoic", "payments" → "payment" (Porter step 1a), in all three.
    expect(ticketTerms('Invoices and payments', 'The invoices and payments are missing.').terms).toEqual(['invoic', 'payment', 'invoic', 'payment', 'miss']);
    expect(ticketTerms('Hindi lumalabas ang invoices', 'Hindi po lumalabas ang mga invoices at payments sa app.').terms).toEqual(
      expect.arrayContaining(['invoic', 'payment']),
    );
    expect(ticketTerms('Не видны invoices', 'Не видны invoices и payments в приложении.').terms).toEqual(expect.arrayContaining(['invoic', 'payment']));
  });

  it('reads English quoted in a Croatian ticket as English, so that it meets the English tickets', () => {
    // Porter: "transaction" → "transact", "processed" → "process"; "could" and "be" are English stop words.
    const t = ticketTerms('Plaćanja ne prolaze', 'Na stranici za plaćanje piše "Transaction could not be processed". Kupci ne mogu platiti.');
    expect(t.language).toBe('hr');
    expect(t.terms).toEqual(expect.arrayContaining(['transact', 'not', 'process']));
    expect(t.terms).not.toContain('could');
    expect(t.terms).not.toContain('processed');
  });

  it('keeps the display form as written: accents for words, case and dashes for codes', () => {
    const result = ticketTerms('Izvoz ne radi: E-404', 'Javlja grešku.');
    expect(result.display).toEqual(['izvoz', 'radi', 'E-404', 'javlja', 'grešku']);
    expect(result.terms).toEqual(['izvoz', 'rad', 'e404', 'javlj', 'gresk']);
  });
});

describe('ticketTerms subject terms', () => {
  it('says how many of the terms come first from the subject, after its prefix, stop words and noise are gone', () => {
    // Subject "Re: Error E-404 in BankSync https://x.io": "error", "e404", "banksync" (Re:, "in" and the URL go).
    expect(ticketTerms('Re: Error E-404 in BankSync https://x.io', 'Hi team,\nThe sync fails.').subjectTerms).toBe(3);
    // A subject of stop words only gives none; no description: every term is the subject's.
    expect(ticketTerms('Hello there', 'The sync fails.').subjectTerms).toBe(0);
    expect(ticketTerms('The sync fails', '').subjectTerms).toBe(2);
    expect(ticketTerms('', 'The sync fails').subjectTerms).toBe(0);
  });
});

describe('ticketTerms normalisation', () => {
  it('reads full-width characters as the plain ones (NFKC) and folds accents only in the key', () => {
    // "Ｅ－４０４" is E-404 in full-width forms; "račun" and "racun" (typed without diacritics) must meet.
    const result = ticketTerms('Ｅ－４０４', 'račun racun RAČUN');
    expect(result.terms).toEqual(['e404', 'racun', 'racun', 'racun']);
    expect(result.display).toEqual(['E-404', 'račun', 'racun', 'račun']);
  });

  it('keeps product names and codes that mix letters and digits, drops ids, quantities and numbers', () => {
    const result = ticketTerms('Update fails with 0x80070005 on RouterX200', 'Error ERR_SYNC_409 on 2FA. Invoice INV-2025-00042, 300GB, 2nd time, 13.11.2025, 5.2.0');
    expect(result.terms).toEqual(['updat', 'fail', '0x80070005', 'routerx200', 'error', 'errsync409', '2fa', 'invoic', 'time']);
  });
});

describe('ticketTerms on bad input', () => {
  const cases: { title: string; subject: unknown; description: unknown; reason: string | undefined }[] = [
    { title: 'empty subject and description', subject: '', description: '', reason: 'no text' },
    { title: 'missing subject and description', subject: null, description: undefined, reason: 'no text' },
    { title: 'whitespace only', subject: '  \t', description: '\n\n ', reason: 'no text' },
    { title: 'not strings at all', subject: 42, description: { text: 'x' }, reason: 'no text' },
    { title: 'only emoji', subject: '😡😡😡', description: '🔥🙏', reason: 'no words left after stripping' },
    { title: 'only numbers', subject: '12345', description: '678 90 13.11.2025 €49,00', reason: 'no words left after stripping' },
    { title: 'only a greeting and a sign-off', subject: '', description: 'Hi team,\n\nThanks,\nJohn', reason: 'no words left after stripping' },
    { title: 'only ids, an e-mail and a URL', subject: '#12345', description: 'INC0012345 ana@firma.hr https://x.io/a', reason: 'no words left after stripping' },
  ];
  it.each(cases)('$title → $reason', ({ subject, description, reason }) => {
    const result = ticketTerms(subject as string, description as string);
    expect(result.terms).toEqual([]);
    expect(result.reason).toBe(reason);
  });

  it('reads mixed scripts in one ticket without throwing, keeping the words of both', () => {
    const result = ticketTerms('Ошибка E-404 in the экспорт module', 'Crash при запуске, 请帮忙');
    // Mostly Cyrillic, so read as Russian; its Latin words are borrowed English and analysed as English ("in", "the"
    // are stop words, "module" → "modul" by Porter's step 5a); the Chinese word is kept as it is.
    expect(result.language).toBe('ru');
    expect(result.terms).toEqual(['ошибк', 'e404', 'экспорт', 'modul', 'crash', 'запуск', '请帮忙']);
    expect(result.reason).toBeUndefined();
  });

  it('reads only the first MAX_DESCRIPTION_CHARS of a 1 MB description', () => {
    const head = 'The printer jammed again. ';
    const description = head.repeat(Math.ceil((1024 * 1024) / head.length)) + 'Zebrafish';
    expect(description.length).toBeGreaterThan(1024 * 1024);
    const result = ticketTerms('Printer', description);
    expect(result.terms).not.toContain('zebrafish');
    // Each repetition gives "printer", "jam", "again": at most 3 terms per head.length characters read.
    expect(result.terms.length).toBeLessThanOrEqual(1 + 3 * Math.ceil(MAX_DESCRIPTION_CHARS / head.length));
    expect(result.terms.slice(0, 4)).toEqual(['printer', 'printer', 'jam', 'again']);
  });

  it('gives no terms for a 1 MB run of one character or of emoji, and does not split an emoji in half', () => {
    expect(ticketTerms('', 'a'.repeat(1024 * 1024)).reason).toBe('no words left after stripping');
    expect(ticketTerms('', '😀'.repeat(512 * 1024)).reason).toBe('no words left after stripping');
  });
});

describe('English function words and over-stemming', () => {
  it('drops "when" and "hi", which the classic list lacks', () => {
    expect(ticketTerms('Hi, export fails when I click', '').terms).toEqual(['export', 'fail', 'click']);
  });

  // Porter cuts "one" and "ones" to "on", a stop word ("only" and "on" are stop words themselves).
  it('keeps "one" apart from the function word "on"', () => {
    expect(ticketTerms('One invoice, two ones, only on Monday', '').terms).toEqual(['one', 'invoic', 'two', 'one', 'mondai']);
  });
});
