// Customer feedback on solved tickets: CSAT (1–5; good/bad on chat), NPS (0–10) and CES 2.0 (1–7).
// Scores follow the service the ticket got (slow first reply, reopens, transfers, escalations, long threads,
// the outage and the bad release all pull them down) and comments name the specific cause, in the
// customer's language.
import type { AgentModel, TeamModel, World } from './organisation.ts';
import type { Plan } from './plan.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE } from './time.ts';
import type { Lang } from './vocabulary.ts';

export interface Outcome {
  plan: Plan;
  solvedAt: number | null;
  /** solved or closed at the export moment */
  resolved: boolean;
  firstResponseMinutes: number | null;
  reopens: number;
  escalations: number;
  groupStations: number;
  replies: number;
  lastReplier: AgentModel | null;
  autoSolved: boolean;
  team: TeamModel;
}

export interface FeedbackRow {
  ticketId: number;
  submittedAt: number;
  kind: 'csat' | 'nps' | 'ces';
  score: number | null;
  scaleMax: number;
  comment: string;
  channel: string;
}

type Cause = 'spike_outage' | 'spike_release' | 'slow' | 'reopen' | 'transfer' | 'long' | 'resolution' | 'escalation' | 'general';

const negative: Record<Lang, Record<Cause, string[]>> = {
  en: {
    spike_outage: ['Payments were down for hours and we had to find out ourselves. Update your status page!', 'We lost a whole afternoon of sales during the payment outage and nobody told us anything.'],
    spike_release: ['The app update broke login for our whole team. Test your releases.', 'Two days without the mobile app after your update. Not good enough.'],
    slow: ['Waited {hours} hours for a first reply. Not acceptable when payments are failing.', 'Far too slow – {days} days to get an answer.', 'Nobody answered for {hours} hours.'],
    reopen: ['The issue came back after you closed it. Had to write again.', 'Marked as solved but the problem was still there.', 'Closed without actually fixing anything.'],
    transfer: ['I was passed between {teams} teams and had to repeat everything.', 'Transferred again and again, nobody took ownership.'],
    long: ['Took {replies} e-mails back and forth to get a simple answer.', 'Too much back and forth, you kept asking for things I had already sent.'],
    resolution: ['{resdays} days to fix this. We could not invoice in the meantime.', 'Friendly, but it took far too long to actually solve it.'],
    escalation: ['Waited days for your technical team, with no updates in between.', 'Escalated and then silence. I had to chase every update.'],
    general: ["Didn't help at all.", "Canned answer, the agent didn't read my message.", 'Still waiting for a real solution.'],
  },
  hr: {
    spike_outage: ['Plaćanja nisu radila satima, a nitko nas nije obavijestio.', 'Izgubili smo cijelo poslijepodne prodaje zbog prekida plaćanja.'],
    spike_release: ['Ažuriranje aplikacije srušilo je prijavu cijelom timu.', 'Dva dana bez mobilne aplikacije nakon ažuriranja.'],
    slow: ['Čekali smo {hours} sati na prvi odgovor. Neprihvatljivo.', 'Presporo, {days} dana bez odgovora.'],
    reopen: ['Problem se vratio čim ste zatvorili tiket.', 'Označeno kao riješeno, a problem je i dalje tu.'],
    transfer: ['Tiket je prebacivan iz tima u tim, sve je trebalo ponavljati.'],
    long: ['Trebalo je {replies} poruka za jednostavan odgovor.'],
    resolution: ['Rješavanje je trajalo {resdays} dana, a u međuvremenu nismo mogli izdavati račune.'],
    escalation: ['Danima smo čekali vaš tehnički tim, bez ikakvih novosti.'],
    general: ['Odgovor nije pomogao.', 'Šablonski odgovor, nitko nije pročitao moju poruku.'],
  },
  ru: {
    spike_outage: ['Платежи не работали несколько часов, и никто нас не предупредил.', 'Из-за сбоя платежей потеряли полдня продаж.'],
    spike_release: ['После обновления приложения вся команда не может войти.', 'Два дня без мобильного приложения после обновления.'],
    slow: ['Первого ответа ждали {hours} ч. Это неприемлемо.', 'Очень медленно: {days} дн. без ответа.'],
    reopen: ['Проблема вернулась сразу после закрытия заявки.', 'Заявку закрыли, а проблема осталась.'],
    transfer: ['Заявку передавали из отдела в отдел, всё приходилось повторять.'],
    long: ['Понадобилось {replies} писем, чтобы получить простой ответ.'],
    resolution: ['Решали {resdays} дн., всё это время мы не могли выставлять счета.'],
    escalation: ['Несколько дней ждали технический отдел, и никаких новостей.'],
    general: ['Ответ не помог.', 'Шаблонный ответ, моё сообщение никто не прочитал.'],
  },
  tl: {
    spike_outage: ['Ilang oras down yung payments, walang nag-inform sa amin.', 'Nawalan kami ng sales buong hapon dahil sa payment outage.'],
    spike_release: ['Dahil sa update, hindi maka-login buong team namin.', 'Dalawang araw walang app after ng update.'],
    slow: ['{hours} hours bago may sumagot. Sobrang tagal po.', 'Ang bagal, {days} days walang reply.'],
    reopen: ['Bumalik yung problem pagka-close ng ticket.', 'Sinabing solved pero hindi pa rin gumagana.'],
    transfer: ["Pinasa-pasa ako sa iba't ibang team, paulit-ulit ako nag-explain."],
    long: ['{replies} emails bago nasagot yung simpleng tanong.'],
    resolution: ['{resdays} days bago naayos, hindi kami maka-invoice habang naghihintay.'],
    escalation: ['Ilang araw naghintay sa technical team, walang update.'],
    general: ['Hindi po nakatulong.', 'Parang template lang yung sagot, hindi binasa yung message ko.'],
  },
};

const positive: Record<Lang, { fast: string[]; general: string[]; neutral: string[] }> = {
  en: {
    fast: ['{agent} sorted it out in minutes. Brilliant!', 'Super quick answer, thank you {agent}!', 'Fast and friendly, solved on the first call.', 'Quick fix, exactly what I needed.'],
    general: ['{agent} was very patient and explained everything clearly.', 'Great support as always.', 'Thanks, all sorted now.', 'Very helpful, thank you!', 'Problem solved, thanks {agent}.'],
    neutral: ['Solved in the end, but it took a while.', 'OK, but I had to explain the problem twice.', 'Answer was fine, a bit generic.'],
  },
  hr: {
    fast: ['Problem riješen u par minuta, hvala {agent}!', 'Brz i ljubazan odgovor, hvala!'],
    general: ['Hvala na strpljenju i jasnom objašnjenju.', 'Odlična podrška, hvala {agent}!', 'Sve je riješeno, hvala.'],
    neutral: ['Na kraju je riješeno, ali je trajalo.', 'U redu, ali problem je trebalo objašnjavati dvaput.'],
  },
  ru: {
    fast: ['Решили за пару минут, спасибо, {agent}!', 'Быстро и вежливо, спасибо!'],
    general: ['Спасибо за терпение и понятное объяснение.', 'Отличная поддержка, спасибо, {agent}!', 'Всё решено, спасибо.'],
    neutral: ['В итоге решили, но долго.', 'Нормально, но проблему пришлось объяснять дважды.'],
  },
  tl: {
    fast: ['Ang bilis ni {agent}, solved agad! Salamat po!', 'Mabilis at magalang, thank you po!'],
    general: ['Salamat po sa pasensya at malinaw na explanation.', 'Very helpful si {agent}, salamat!', 'Okay na po, salamat.'],
    neutral: ['Na-solve naman pero medyo matagal.', 'Okay lang, pero dalawang beses ko inexplain yung problem.'],
  },
};

const npsComments: Record<Lang, { promoter: string[]; passive: string[]; detractor: string[] }> = {
  en: {
    promoter: ['Invoicing takes me five minutes a month now.', 'Easy to use and support actually answers.', 'Best invoicing tool we have used.'],
    passive: ['Good product, but the mobile app needs work.', 'Does the job. Pricing went up though.', 'Fine, but bank sync breaks too often.'],
    detractor: ['Too many outages lately.', 'Support takes days to answer.', 'The app update broke our workflow and nobody warned us.'],
  },
  hr: {
    promoter: ['Izdavanje računa sada traje pet minuta mjesečno.', 'Jednostavno za korištenje, podrška se javlja.'],
    passive: ['Dobar proizvod, ali mobilna aplikacija treba poboljšanja.', 'Radi posao, ali cijena je porasla.'],
    detractor: ['Previše prekida u zadnje vrijeme.', 'Podrška odgovara danima.'],
  },
  ru: {
    promoter: ['Выставление счетов теперь занимает пять минут в месяц.', 'Удобно, и поддержка отвечает.'],
    passive: ['Хороший продукт, но мобильное приложение сырое.', 'Свою работу делает, но цены выросли.'],
    detractor: ['Слишком много сбоев в последнее время.', 'Поддержка отвечает по несколько дней.'],
  },
  tl: {
    promoter: ['Sobrang dali na mag-invoice, 5 minutes lang monthly.', 'Madaling gamitin at sumasagot agad ang support.'],
    passive: ['Okay yung product pero kailangan pa ayusin yung app.', 'Okay naman, pero tumaas yung presyo.'],
    detractor: ['Ang daming outage lately.', 'Ilang araw bago sumagot ang support.'],
  },
};

const cesComments: Record<Lang, { easy: string[]; hard: string[] }> = {
  en: { easy: ['Very easy, one message and done.', 'Simple – the help article plus one reply was enough.'], hard: ['Had to explain the problem three times.', 'Too many steps to get a simple refund.', 'I had to chase you several times.'] },
  hr: { easy: ['Vrlo jednostavno, jedna poruka i gotovo.'], hard: ['Problem sam morao objašnjavati tri puta.', 'Previše koraka za jednostavan povrat novca.'] },
  ru: { easy: ['Очень просто: одно сообщение — и всё решено.'], hard: ['Пришлось объяснять проблему три раза.', 'Слишком много шагов ради простого возврата.'] },
  tl: { easy: ['Ang dali, isang message lang okay na.'], hard: ['Tatlong beses ko inexplain yung problem.', 'Ang daming steps para sa simpleng refund.'] },
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** How good the service was, about 0 (awful) … 1 (great), before personal noise. */
function experience(o: Outcome): { e: number; cause: Cause } {
  const plan = o.plan;
  let e = 0.86 + plan.customer.mood;
  const penalties: [Cause, number][] = [];
  const frHours = (o.firstResponseMinutes ?? 0) / 60;
  const slow = frHours > 72 ? 0.55 : frHours > 24 ? 0.38 : frHours > 8 ? 0.18 : frHours > 2 ? 0.06 : 0;
  penalties.push(['slow', slow]);
  penalties.push(['reopen', 0.32 * o.reopens]);
  penalties.push(['transfer', 0.13 * (o.groupStations - 1)]);
  penalties.push(['long', 0.05 * Math.max(0, o.replies - 3)]);
  if (plan.inSpike) penalties.push([plan.issue.spike === 'outage' ? 'spike_outage' : 'spike_release', 0.25]);
  const resolutionDays = o.solvedAt !== null ? (o.solvedAt - plan.created) / DAY : 0;
  penalties.push(['escalation', 0.07 * o.escalations]);
  penalties.push(['resolution', resolutionDays > 7 ? 0.25 : resolutionDays > 3 ? 0.1 : 0]);
  let other = 0;
  if (o.autoSolved) other += 0.2;
  if (plan.customer.flags.has('abusive')) other += 0.35;
  if (plan.customer.flags.has('legal_threat')) other += 0.3;
  penalties.push(['general', other]);
  let cause: Cause = 'general';
  let worst = 0.05;
  for (const [c, p] of penalties) {
    e -= p;
    if (p > worst) [cause, worst] = [c, p];
  }
  e += ((o.lastReplier?.quality ?? 1) - 1) * 0.8;
  if (o.team.provider_kind === 'outsourced') e -= 0.03;
  return { e, cause };
}

function comment(rng: Rng, o: Outcome, sentiment: 'good' | 'neutral' | 'bad', cause: Cause, kind: 'csat' | 'ces' | 'nps', score: number): string {
  const lang = o.plan.lang;
  let template: string;
  if (kind === 'nps') {
    const set = npsComments[lang];
    template = rng.pick(score >= 9 ? set.promoter : score >= 7 ? set.passive : set.detractor);
  } else if (kind === 'ces') {
    template = rng.pick(sentiment === 'bad' ? cesComments[lang].hard : cesComments[lang].easy);
  } else if (sentiment === 'bad') {
    template = rng.pick(negative[lang][cause]);
  } else if (sentiment === 'neutral') {
    template = rng.pick(positive[lang].neutral);
  } else {
    const fast = (o.firstResponseMinutes ?? 999) < 30 && o.replies <= 2;
    template = rng.pick(fast ? positive[lang].fast : positive[lang].general);
  }
  const frHours = (o.firstResponseMinutes ?? 0) / 60;
  return template
    .replace('{agent}', o.lastReplier?.first ?? 'the agent')
    .replace('{hours}', String(Math.max(2, Math.round(frHours))))
    .replace('{days}', String(Math.max(2, Math.round(frHours / 24))))
    .replace('{teams}', String(Math.max(2, o.groupStations)))
    .replace('{replies}', String(Math.max(4, o.replies)))
    .replace('{resdays}', String(Math.max(2, Math.round(((o.solvedAt ?? o.plan.created) - o.plan.created) / DAY))));
}

export function makeFeedback(world: World, outcomes: Outcome[], rng: Rng): FeedbackRow[] {
  const end = world.timeline.end;
  const rows: FeedbackRow[] = [];
  const lastNps = new Map<string, number>();
  for (const o of outcomes) {
    if (!o.resolved || o.solvedAt === null) continue;
    const plan = o.plan;
    const { e, cause } = experience(o);
    const internal = plan.customer.kind === 'internal';
    const flagged = plan.customer.flags.size > 0;

    // CSAT: Zendesk's automation sends the survey 24 h after solving; chat asks good/bad in the widget.
    if (rng.chance(internal ? 0.6 : 0.86)) {
      const chat = plan.channel === 'chat';
      const sent = chat ? o.solvedAt + rng.int(5, 60) * 1000 : Math.ceil((o.solvedAt + DAY) / HOUR) * HOUR;
      if (sent < end) {
        const felt = e + 0.26 * rng.normal();
        const extreme = felt < 0.35 || felt > 1.0;
        const answerRate = (chat ? 0.45 : 0.3) + (extreme ? 0.12 : 0) + (flagged ? 0.2 : 0) - (internal ? 0.1 : 0);
        const answeredAt = sent + (chat ? rng.int(10, 300) * 1000 : rng.lognormal(3 * HOUR, 1.2));
        if (rng.chance(answerRate) && answeredAt < end) {
          const score = chat ? (felt >= 0.25 ? 1 : 0) : felt >= 0.7 ? 5 : felt >= 0.3 ? 4 : felt >= 0.15 ? 3 : felt >= 0.02 ? 2 : 1;
          const sentiment = chat ? (score ? 'good' : 'bad') : score >= 4 ? 'good' : score === 3 ? 'neutral' : 'bad';
          const commentChance = sentiment === 'bad' ? 0.65 : sentiment === 'neutral' ? 0.35 : 0.28;
          rows.push({
            ticketId: plan.id, submittedAt: Math.floor(answeredAt / 1000) * 1000, kind: 'csat', score, scaleMax: chat ? 1 : 5,
            comment: rng.chance(commentChance) ? comment(rng, o, sentiment, cause, 'csat', score) : '', channel: plan.channel,
          });
        } else {
          rows.push({ ticketId: plan.id, submittedAt: sent, kind: 'csat', score: null, scaleMax: chat ? 1 : 5, comment: '', channel: plan.channel });
        }
      }
    }

    // NPS: a sample of external customers, at most once per quarter each, three days after a solved ticket.
    const previous = lastNps.get(plan.customer.customer_id);
    if (!internal && rng.chance(0.09) && (previous === undefined || o.solvedAt - previous > 90 * DAY)) {
      const sent = Math.ceil((o.solvedAt + 3 * DAY) / HOUR) * HOUR;
      if (sent < end) {
        lastNps.set(plan.customer.customer_id, o.solvedAt);
        const answeredAt = sent + rng.lognormal(6 * HOUR, 1.2);
        if (rng.chance(0.3) && answeredAt < end) {
          const score = Math.round(clamp(3.6 + 6.2 * (0.5 * e + 0.5 * (0.86 + plan.customer.mood * 2)) + 1.3 * rng.normal(), 0, 10));
          rows.push({
            ticketId: plan.id, submittedAt: Math.floor(answeredAt / 1000) * 1000, kind: 'nps', score, scaleMax: 10,
            comment: rng.chance(0.4) ? comment(rng, o, 'neutral', cause, 'nps', score) : '', channel: 'email',
          });
        } else {
          rows.push({ ticketId: plan.id, submittedAt: sent, kind: 'nps', score: null, scaleMax: 10, comment: '', channel: 'email' });
        }
      }
    }

    // CES 2.0: "The company made it easy for me to handle my issue", 1–7, asked right after solving.
    if (rng.chance(0.12)) {
      const sent = o.solvedAt + rng.int(10, 90) * MINUTE;
      if (sent < end) {
        const answeredAt = sent + rng.lognormal(2 * HOUR, 1.2);
        if (rng.chance(0.35) && answeredAt < end) {
          const effort = e - 0.04 * Math.max(0, o.replies - 2) - 0.1 * (o.groupStations - 1);
          const score = Math.round(clamp(1.8 + 5.4 * effort + 0.9 * rng.normal(), 1, 7));
          rows.push({
            ticketId: plan.id, submittedAt: Math.floor(answeredAt / 1000) * 1000, kind: 'ces', score, scaleMax: 7,
            comment: rng.chance(0.25) ? comment(rng, o, score <= 3 ? 'bad' : 'good', cause, 'ces', score) : '', channel: plan.channel,
          });
        } else {
          rows.push({ ticketId: plan.id, submittedAt: sent, kind: 'ces', score: null, scaleMax: 7, comment: '', channel: plan.channel });
        }
      }
    }
  }
  const kindOrder = { csat: 0, nps: 1, ces: 2 };
  return rows.sort((a, b) => a.submittedAt - b.submittedAt || a.ticketId - b.ticketId || kindOrder[a.kind] - kindOrder[b.kind]);
}
