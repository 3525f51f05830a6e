// Subject and first message of a ticket: a template of its issue in the customer's language, slots filled with
// ticket-specific values (order and transaction numbers, e-mails, URLs, amounts, dates, devices), wrapped the
// way the channel delivers it, with the occasional typo. A later normalisation step has to strip the noise.
import type { Plan } from './plan.ts';
import { banks, names, type Segment } from './people.ts';
import type { Rng } from './random.ts';
import { DAY, MINUTE } from './time.ts';
import { emailPart } from './organisation.ts';
import { problemQuotes, quoteLines } from './problem-codes.ts';
import {
  accountingApps, agentIntro, browsers, devices, errorCodes, greetings, plans as planNames, signOffs, type Lang,
} from './vocabulary.ts';

const monthNames: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  hr: ['siječanj', 'veljača', 'ožujak', 'travanj', 'svibanj', 'lipanj', 'srpanj', 'kolovoz', 'rujan', 'listopad', 'studeni', 'prosinac'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  tl: ['Enero', 'Pebrero', 'Marso', 'Abril', 'Mayo', 'Hunyo', 'Hulyo', 'Agosto', 'Setyembre', 'Oktubre', 'Nobyembre', 'Disyembre'],
};
const ruGenitive = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

const repeatPrefix: Record<Lang, string[]> = {
  en: ['Re: ', 'Still not fixed: ', 'AGAIN: ', 'Follow-up: '],
  hr: ['Re: ', 'Opet: ', 'Još uvijek ne radi: '],
  ru: ['Re: ', 'Снова: ', 'Всё ещё не решено: '],
  tl: ['Re: ', 'Follow up po: ', 'Hindi pa rin ayos: '],
};
const repeatLine: Record<Lang, string> = {
  en: 'I already wrote about this on {prevDate} (ticket #{prevId}) and it is still not solved.',
  hr: 'Već sam se javio/la {prevDate} (tiket #{prevId}) i problem još nije riješen.',
  ru: 'Я уже писал(а) об этом {prevDate} (заявка #{prevId}), проблема так и не решена.',
  tl: 'Nag-message na po ako about dito nung {prevDate} (ticket #{prevId}) pero hindi pa rin po naaayos.',
};
const angryLines: Record<Lang, string[]> = {
  en: ["This is completely unacceptable. I'm paying for this service!!", 'Third time I am writing. Does anyone actually read these?', 'Your support is a joke.'],
  hr: ['Ovo je potpuno neprihvatljivo!!', 'Pišem već treći put. Čita li itko ove poruke?'],
  ru: ['Это абсолютно неприемлемо!!', 'Пишу уже третий раз. Кто-нибудь вообще читает?'],
  tl: ['Grabe naman po, ang tagal!!', 'Pangatlong beses ko na po ito sinasabi.'],
};
const legalLines: Record<Lang, string> = {
  en: 'If this is not resolved by Friday my lawyer will contact you.',
  hr: 'Ako ovo ne riješite do petka, javit će vam se moj odvjetnik.',
  ru: 'Если вопрос не будет решён до пятницы, с вами свяжется мой юрист.',
  tl: 'Kung hindi po ito maayos by Friday, ipapasa ko na po sa abogado namin.',
};

const base36 = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdefghijklmnopqrstuvwxyz'[rng.int(0, 35)];
  return s;
};

function en(v: number): string {
  const [int, frac] = v.toFixed(2).split('.');
  return int!.replace(/\B(?=(\d{3})+$)/g, ',') + '.' + frac;
}

function eu(v: number): string {
  return v.toFixed(2).replace('.', ',');
}

function money(rng: Rng, plan: Plan, large: boolean): string {
  const value = large ? rng.int(40, 4800) + rng.pick([0, 0.5, 0.9, 0.25]) : rng.pick([19, 29, 49, 79, 149, 299, 588, 948]);
  const cur = plan.customer.segment.currency;
  if (cur === 'USD') return `$${en(value)}`;
  if (cur === 'GBP') return `£${en(value)}`;
  if (cur === 'PHP') return `₱${en(value * 55)}`;
  return plan.lang === 'en' ? `€${en(value)}` : `${eu(value)} €`;
}

function dateText(t: number, lang: Lang, segment: string): string {
  const d = new Date(t);
  const day = d.getUTCDate();
  const m = d.getUTCMonth();
  if (lang === 'hr') return `${day}.${m + 1}.${d.getUTCFullYear()}.`;
  if (lang === 'ru') return `${day} ${ruGenitive[m]}`;
  if (segment === 'uk' || segment === 'hr' || segment === 'ru') return `${day} ${monthNames.en[m]}`;
  return `${monthNames.en[m]} ${day}`;
}

/** Values for {slots}; each is drawn once per ticket so subject and body agree. (A class, not closures: cheaper per ticket.) */
class Slots {
  private readonly cache = new Map<string, string>();
  private readonly seg: Segment;

  constructor(
    private readonly rng: Rng,
    private readonly plan: Plan,
    private readonly companies: string[],
  ) {
    this.seg = plan.customer.segment.segment;
  }

  get(slot: string): string {
    let v = this.cache.get(slot);
    if (v === undefined) {
      v = this.make(slot);
      this.cache.set(slot, v);
    }
    return v;
  }

  fill(template: string): string {
    if (template.indexOf('{') < 0) return template;
    // A Croatian date ends in a dot ("13.11.2025."): no second dot when the sentence ends right after it.
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => this.get(slot)).replace(/(\d\.)\./g, '$1');
  }

  private colleague(): { first: string; last: string } {
    const pool = names[this.seg];
    const first = this.rng.pick(this.rng.chance(0.5) ? pool.female : pool.male);
    const lastEntry = this.rng.pick(pool.last);
    return { first, last: typeof lastEntry === 'string' ? lastEntry : lastEntry[0] };
  }

  private make(slot: string): string {
    const { rng, plan, seg } = this;
    const created = plan.created;
    switch (slot) {
      case 'email': return plan.customer.email;
      case 'email2': { const c = this.colleague(); return `${emailPart(c.first)}.${emailPart(c.last)}@${plan.customer.domain}`; }
      case 'user': { const c = this.colleague(); return `${c.first} ${c.last} (${emailPart(c.first)}@${plan.customer.domain})`; }
      case 'url': {
        // A URL that fits the issue: the login page, a payment link, SAML metadata, an invoice, a help article.
        const key = plan.issue.key;
        if (key.startsWith('account/')) return rng.chance(0.5) ? 'https://app.ledgerly.io/login' : `app.ledgerly.io/login?next=%2Finvoices%2F${rng.int(10000, 999999)}`;
        if (plan.issue.category === 'Payments') return `https://pay.ledgerly.io/i/${base36(rng, 10)}`;
        if (key === 'integrations/sso') return `https://app.ledgerly.io/saml/${base36(rng, 8)}/metadata`;
        if (key === 'data/import') return `https://help.ledgerly.io/hc/en-us/articles/${rng.int(360000000, 369999999)}-Import-template`;
        switch (rng.int(0, 3)) {
          case 0: return `https://app.ledgerly.io/invoices/${rng.int(10000, 999999)}`;
          case 1: return `https://app.ledgerly.io/invoices/${rng.int(10000, 999999)}/pdf?download=1`;
          case 2: return `https://app.ledgerly.io/reports/export?from=${new Date(created - 30 * DAY).toISOString().slice(0, 10)}`;
          default: return `app.ledgerly.io/clients/${rng.int(1000, 99999)}/edit`;
        }
      }
      case 'apiurl': return `https://api.ledgerly.io/v2/${rng.pick(['invoices', 'payments', 'clients'])}?page=${rng.int(1, 80)}`;
      case 'invoice':
        switch (rng.int(0, 2)) {
          case 0: return `INV-${new Date(created).getUTCFullYear()}-${String(rng.int(1, 99999)).padStart(5, '0')}`;
          case 1: return `#${rng.int(1000, 99999)}`;
          default: return `${rng.int(1, 999)}-1-1`;
        }
      case 'ref': case 'ref2':
        switch (rng.int(0, 3)) {
          case 0: return `txn_${base36(rng, 14)}`;
          case 1: return `ch_${base36(rng, 18)}`;
          case 2: return `PO-${rng.int(100000, 999999)}`;
          default: return `ORD-${rng.int(1000000, 9999999)}`;
        }
      case 'amount': return money(rng, plan, plan.issue.key === 'payments/payout-delay' || plan.issue.category === 'Internal');
      case 'card': return String(rng.int(1000, 9999));
      case 'date': return dateText(created - rng.int(1, 6) * DAY, plan.lang, seg);
      case 'prevDate': return dateText(plan.repeatOf?.created ?? created - DAY, plan.lang, seg);
      case 'prevId': return String(plan.repeatOf?.id ?? '');
      case 'month': return monthNames[plan.lang][(new Date(created).getUTCMonth() + 11) % 12]!;
      case 'time': {
        const t = plan.inSpike ? created - rng.int(10, 90) * MINUTE : created - rng.int(30, 240) * MINUTE;
        const local = plan.customer.homeTeam.zone.toLocal(t).minutes;
        return `${String(Math.floor(local / 60)).padStart(2, '0')}:${String(Math.floor(local % 60)).padStart(2, '0')}`;
      }
      case 'count': return String(rng.int(2, 40));
      case 'version':
        if (plan.issue.spike === 'release') return rng.chance(0.85) ? '5.2.0' : '5.2.1';
        return rng.pick(['5.0.8', '5.1.0', '5.1.2', '5.1.3', '4.9.7']);
      case 'device': return rng.pick(devices);
      case 'os': return (this.cache.get('device') ?? '').startsWith('i') ? `iOS 18.${rng.int(0, 2)}` : `Android ${rng.int(13, 15)}`;
      case 'browser': return rng.pick(browsers);
      // The problem's own codes, which its customers quote in every language (problem-codes.ts).
      case 'error': case 'code': return rng.pick(problemQuotes[plan.issue.key]?.codes ?? errorCodes);
      case 'product': return rng.pick(problemQuotes[plan.issue.key]?.products ?? ['Ledgerly']);
      case 'bank': return rng.pick(banks[seg]);
      case 'accounting': return rng.pick(accountingApps);
      case 'plan': return rng.pick(planNames);
      case 'company': return plan.customer.kind === 'internal' ? 'Ledgerly' : plan.customer.organization;
      case 'company2': return rng.pick(this.companies);
      case 'vat': return String({ hr: 25, uk: 20, ru: 21, ph: 12, us: 20 }[seg]);
      case 'vatid': return seg === 'hr' ? `HR${rng.int(10000, 99999)}${rng.int(100000, 999999)}` : seg === 'uk' ? `GB${rng.int(100000000, 999999999)}` : `LV${rng.int(10000, 99999)}${rng.int(100000, 999999)}`;
      case 'currency': return plan.customer.segment.currency;
      case 'quarter': return String(rng.int(1, 4));
      case 'name': return plan.customer.name;
      case 'first': return plan.customer.first;
      default: return `{${slot}}`;
    }
  }
}

/** One or two typos in words of five letters or more (never inside e-mails, URLs or numbers). */
function typos(rng: Rng, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^[\p{L}]{5,}[,.!?]?$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  for (let n = rng.int(1, 2); n > 0 && candidates.length; n--) {
    const i = rng.pick(candidates);
    const w = words[i]!;
    const p = rng.int(1, w.length - 3);
    const kind = rng.int(0, 2);
    words[i] = kind === 0 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2) : kind === 1 ? w.slice(0, p) + w.slice(p + 1) : w.slice(0, p) + w[p] + w.slice(p);
  }
  return words.join(' ');
}

/** Share of the tickets about a problem with codes that quote one (the rest describe it in words only). */
const QUOTE_SHARE = 0.8;

const firstSentence = (s: string) => {
  const m = /^(.+?[.!?])(\s|$)/s.exec(s);
  return (m ? m[1]! : s).trim();
};

export interface TicketText {
  subject: string;
  description: string;
  /** Zendesk's Via for social tickets: Twitter or Facebook. */
  social: 'Twitter' | 'Facebook' | null;
}

export function ticketText(rng: Rng, plan: Plan, companies: string[]): TicketText {
  const { issue, customer, channel } = plan;
  const lang = plan.lang;
  const slots = new Slots(rng, plan, companies);
  let subject: string;
  let body: string;
  const pairs = issue.pairs?.[lang] ?? issue.pairs?.en;
  if (pairs) {
    const [s, b] = rng.pick(pairs);
    subject = s;
    body = b;
  } else {
    const text = issue.text[lang] ?? issue.text.en!;
    const b = rng.int(0, text.bodies.length - 1);
    body = text.bodies[b]!;
    const fitting = text.subjects.slice(text.bodies.length);
    if (text.subjects[b] !== undefined) fitting.push(text.subjects[b]!);
    subject = rng.pick(fitting);
  }
  subject = slots.fill(subject);
  body = slots.fill(body);

  // Most customers quote what the screen says (problem-codes.ts): after the subject, or as a sentence of the message.
  let short = firstSentence(body);
  if (problemQuotes[issue.key] && rng.chance(QUOTE_SHARE)) {
    if (rng.chance(0.4)) subject = `${subject} – ${slots.get('code')}`;
    else {
      const quote = slots.fill(rng.pick(quoteLines[lang]));
      body = rng.chance(0.5) ? `${quote} ${body}` : `${body} ${quote}`;
      short = `${short} ${quote}`;
    }
  }
  // Chat and social messages are short: the first sentence of the body (above), without the "I already wrote" line.
  if (plan.repeatOf) {
    subject = rng.pick(repeatPrefix[lang]) + subject;
    if (rng.chance(0.6)) body = slots.fill(repeatLine[lang]) + ' ' + body;
  }
  const abusive = customer.flags.has('abusive');
  if (abusive) {
    body += ' ' + rng.pick(angryLines[lang]);
    if (rng.chance(0.4)) subject = subject.toUpperCase();
  }
  if (customer.flags.has('legal_threat') && rng.chance(0.5)) body += ' ' + legalLines[lang];
  if (!abusive && (plan.priority === 'urgent' || plan.priority === 'high') && lang === 'en' && rng.chance(0.08)) subject = 'URGENT: ' + subject;
  if (rng.chance(0.2)) body = typos(rng, body);
  if (rng.chance(0.1)) subject = subject.toLowerCase();

  const greeting = rng.pick(greetings[lang]);
  let description: string;
  let social: TicketText['social'] = null;
  switch (channel) {
    case 'email':
      description = [greeting, body, slots.fill(rng.pick(signOffs[lang]))].filter(Boolean).join('\n\n');
      break;
    case 'web':
      description = rng.chance(0.5) ? body : [greeting, body, slots.fill(rng.pick(signOffs[lang]))].filter(Boolean).join('\n\n');
      break;
    case 'chat':
      description = (rng.chance(0.3) ? (lang === 'tl' ? 'hello po ' : lang === 'hr' ? 'bok, ' : lang === 'ru' ? 'здравствуйте, ' : 'hi, ') : '') + short;
      if (rng.chance(0.5)) subject = `Chat with ${customer.name}`;
      break;
    case 'social': {
      const handle = emailPart(customer.first) + emailPart(customer.name.split(' ').slice(-1)[0]!).slice(0, 4) + rng.int(1, 99);
      const twitter = rng.chance(0.45);
      const text = short;
      description = twitter ? `@LedgerlyHelp ${text}`.slice(0, 280) : text;
      subject = twitter ? `Tweet from @${handle}` : `Facebook message from ${customer.name}`;
      social = twitter ? 'Twitter' : 'Facebook';
      break;
    }
    case 'phone':
    case 'desk': {
      const intro = slots.fill(agentIntro[lang][channel]);
      description = `${intro}\n${body}`;
      break;
    }
  }
  return { subject, description, social };
}

