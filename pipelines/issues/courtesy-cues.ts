// Greetings and sign-offs that open and close a customer's message, per language. No maintained package detects
// these: the mail-reply parsers (email-reply-parser, planer, talon) only cut quoted replies and a few English or
// French signature lines, and none knows Croatian, Russian or Tagalog, so these short lists are ours. They are
// matched against whole lines only (see strip-courtesy.ts), never removed from inside a sentence, so a cue that is
// also an ordinary word ("best", "pozdrav", "saludos") costs nothing when it is not alone on its line.
// Written with their accents; matched accent-folded, so "Postovani" and "Poštovani" both count.

export const greetingCues: readonly string[] = [
  // en
  'hi', 'hello', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening', 'good day', 'greetings', 'to whom it may concern',
  // hr
  'poštovani', 'poštovana', 'poštovanje', 'dobar dan', 'dobro jutro', 'dobra večer', 'dobar večer', 'pozdrav', 'bok', 'zdravo', 'bog',
  // ru
  'здравствуйте', 'здравствуй', 'добрый день', 'доброе утро', 'добрый вечер', 'доброго времени суток', 'привет', 'приветствую',
  'уважаемые', 'уважаемый', 'уважаемая',
  // tl
  'magandang araw', 'magandang umaga', 'magandang hapon', 'magandang gabi', 'kumusta', 'kamusta', 'mabuhay',
  // it
  'buongiorno', 'buon giorno', 'buonasera', 'buona sera', 'salve', 'ciao', 'gentile', 'gentili', 'spettabile', 'egregio',
  // es
  'hola', 'buenos días', 'buenas tardes', 'buenas noches', 'buen día', 'estimado', 'estimados', 'estimada', 'estimadas',
];

export const signOffCues: readonly string[] = [
  // en
  'thanks', 'thank you', 'thanks in advance', 'thank you in advance', 'many thanks', 'thx', 'ty', 'regards', 'kind regards',
  'best regards', 'warm regards', 'best wishes', 'best', 'cheers', 'sincerely', 'yours sincerely', 'yours truly', 'br', 'rgds',
  // hr
  'lijep pozdrav', 'lp', 'srdačan pozdrav', 'srdačno', 'pozdrav', 'pozdravi', 's poštovanjem', 'hvala', 'hvala unaprijed',
  'unaprijed hvala', 'puno hvala', 'hvala lijepa', 'lijepa hvala',
  // ru
  'с уважением', 'спасибо', 'заранее спасибо', 'спасибо заранее', 'большое спасибо', 'благодарю', 'всего доброго',
  'с наилучшими пожеланиями',
  // tl
  'salamat', 'maraming salamat', 'ingat', 'god bless',
  // it
  'cordiali saluti', 'distinti saluti', 'saluti', 'un saluto', 'grazie', 'grazie mille', 'grazie in anticipo', 'cordialmente',
  // es
  'saludos', 'un saludo', 'atentamente', 'gracias', 'muchas gracias', 'gracias de antemano', 'cordialmente',
];

/** Lines a mail app appends ("Sent from my iPhone"): the line starts with one of these. */
export const sentFromCues: readonly string[] = [
  'sent from my', 'get outlook for', 'poslano s mog', 'poslano sa mog', 'poslano iz', 'отправлено с', 'отправлено из',
  'ipinadala mula sa', 'inviato da', 'inviato dal mio', 'enviado desde', 'enviado de mi',
];

/** Words that may follow a greeting or sign-off cue on its line: Tagalog's politeness particle "po"/"ho". */
export const courtesyParticles: readonly string[] = ['po', 'ho'];
