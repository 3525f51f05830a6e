// What is not the problem goes: quoted replies, greetings, sign-offs (strip-courtesy.ts), URLs, e-mails, handles,
// "#" references (strip-noise.ts). Each expected text is written out by hand.
import { describe, expect, it } from 'vitest';
import { stripCourtesy, stripReplyPrefix } from '../../../pipelines/issues/strip-courtesy.ts';
import { stripNoise } from '../../../pipelines/issues/strip-noise.ts';

const lines = (...l: string[]) => l.join('\n');

describe('stripCourtesy', () => {
  const cases = [
    { title: 'en greeting line and sign-off with name and company', input: lines('Hi team,', '', 'The export fails.', '', 'Best regards,', 'Ana Horvat', 'ACME d.o.o.'), expected: lines('', 'The export fails.', '') },
    { title: 'hr: "Poštovani," and "Lijep pozdrav," + name', input: lines('Poštovani,', 'Izvoz ne radi.', 'Lijep pozdrav,', 'Ana'), expected: 'Izvoz ne radi.' },
    { title: 'hr typed without diacritics: "Postovani", "Lp"', input: lines('Postovani,', 'Izvoz ne radi.', 'Lp', 'Ana'), expected: 'Izvoz ne radi.' },
    { title: 'ru: "Здравствуйте, служба поддержки." and "С уважением,"', input: lines('Здравствуйте, служба поддержки.', 'Не работает экспорт.', 'С уважением,', 'Иван Петров', 'ООО Ромашка'), expected: 'Не работает экспорт.' },
    { title: 'tl: "Magandang araw po," and "Salamat po,"', input: lines('Magandang araw po,', 'Hindi gumagana ang export.', 'Salamat po,', 'Maria'), expected: 'Hindi gumagana ang export.' },
    { title: 'it: "Buongiorno," and "Cordiali saluti"', input: lines('Buongiorno,', "L'esportazione non funziona.", 'Cordiali saluti', 'Marco Rossi'), expected: "L'esportazione non funziona." },
    { title: 'es: "Hola," and "Saludos,"', input: lines('Hola,', 'La exportación falla.', 'Saludos,', 'Lucía'), expected: 'La exportación falla.' },
    { title: 'chat: the greeting before its comma on a line that goes on', input: 'hi, my app crashes when I open it', expected: ' my app crashes when I open it' },
    { title: 'ru chat: "Здравствуйте!" before the problem', input: 'Здравствуйте! Не могу войти в аккаунт', expected: ' Не могу войти в аккаунт' },
    { title: '"Sent from my iPhone" after "Thanks"', input: lines('The app crashes.', '', 'Thanks', '', 'Sent from my iPhone'), expected: lines('The app crashes.', '') },
    { title: 'a quoted reply chain under "On … wrote:"', input: lines('Still broken.', '', 'On Mon, 3 Nov 2025 at 10:00, Support <help@x.io> wrote:', '> Please try again', '> Thanks'), expected: lines('Still broken.', '') },
    { title: 'a Russian mail client quote header', input: lines('Всё ещё не работает.', 'пн, 3 нояб. 2025 г. в 10:00, Support <help@x.io>:', '> Попробуйте ещё раз'), expected: 'Всё ещё не работает.' },
    { title: 'lines starting with ">" without a header', input: lines('Still broken.', '> Please try again'), expected: 'Still broken.' },
    { title: '"-----Original Message-----"', input: lines('Still broken.', '-----Original Message-----', 'From: Support <help@x.io>', 'Please try again'), expected: 'Still broken.' },
    // Not courtesy: a cue inside a sentence, or a long line that starts with one, stays.
    { title: 'a sentence that starts with "Thanks" is kept', input: lines('The app crashes.', 'Thanks to your update the export is broken again.'), expected: lines('The app crashes.', 'Thanks to your update the export is broken again.') },
    { title: 'a greeting with its words before the comma ("Pozdrav iz Splita,") goes, the sentence after it stays', input: 'Pozdrav iz Splita, aplikacija se ruši pri svakom pokretanju na mobitelu', expected: ' aplikacija se ruši pri svakom pokretanju na mobitelu' },
    { title: 'a message that is only a problem is unchanged', input: 'Password reset email never arrives', expected: 'Password reset email never arrives' },
  ];
  it.each(cases)('$title', ({ input, expected }) => {
    expect(stripCourtesy(input)).toBe(expected);
  });
});

describe('stripReplyPrefix', () => {
  it.each([
    ['Re: Export fails', 'Export fails'],
    ['RE: Fwd: AW: Export fails', 'Export fails'],
    ['Odg: Izvoz ne radi', 'Izvoz ne radi'],
    ['Re[2]: Export fails', 'Export fails'],
    ['Report fails', 'Report fails'],
  ])('%s → %s', (input, expected) => {
    expect(stripReplyPrefix(input)).toBe(expected);
  });
});

describe('stripNoise', () => {
  it.each([
    ['a URL with a scheme', 'see https://app.ledgerly.io/invoices/123?x=1 now', 'see   now'],
    ['a www. host', 'open www.ledgerly.io/help please', 'open   please'],
    ['a host and path without a scheme', 'go to app.ledgerly.io/login?next=%2F then', 'go to   then'],
    ['an e-mail address', 'my login is ana.horvat@firma.hr ok', 'my login is   ok'],
    ['an @handle', '@LedgerlyHelp your app is down', '  your app is down'],
    ['a "#" reference', 'ticket #12345 and #INC-7 again', 'ticket   and   again'],
    ['a hashtag without digits stays', 'the #billing team', 'the #billing team'],
  ])('%s', (_, input, expected) => {
    expect(stripNoise(input).replace(/ +/g, ' ')).toBe(expected.replace(/ +/g, ' '));
  });
});
