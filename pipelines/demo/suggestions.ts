// Improvement suggestions from the front line, across the whole lifecycle. Three implemented ones change the
// volume of their linked issue from `implemented_on` (impacts), so the suggestion board can show a real effect.
import type { OrganisationInput } from '../organisation/schema.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, dayString, isoUtc } from './time.ts';

type Status = 'new' | 'under_review' | 'accepted' | 'in_progress' | 'implemented' | 'declined';
type Suggestion = NonNullable<OrganisationInput['suggestions']>[number];

interface SuggestionSpec {
  title: string;
  description: string;
  /** Team the author works in. */
  team: string;
  status: Status;
  issue?: string;
  response?: string;
  declineReason?: string;
  anonymous?: boolean;
  /** Where in the range it was created (0 = start, 1 = end), or after a spike event. */
  created: number | 'after-release' | 'after-outage';
  /** Implemented suggestions: where in the range it went live, and the factor on its issue's volume after. */
  implemented?: number;
  impact?: number;
  popularity: number;
}

const specs: SuggestionSpec[] = [
  {
    title: 'Self-service refund button for duplicate card charges',
    description:
      'About a third of our billing tickets are duplicate card charges that we refund by hand after checking the payment log. If customers could see both charges under Billing → Payments and click "Refund duplicate" (with an automatic check that the two charges are identical and less than 10 minutes apart), most of these tickets would never reach us.',
    team: 'london', status: 'implemented', issue: 'billing/double-charge', created: 0.18, implemented: 0.48, impact: 0.5, popularity: 24,
    response: 'Shipped with the billing release. Duplicates under €200 are refunded automatically; larger ones still open a ticket for Finance.',
  },
  {
    title: 'Show the time-sync hint on the 2FA error screen',
    description:
      'Most "invalid 2FA code" tickets come from phones whose clock is off by a minute or two. The error screen could say "Check that your phone sets its time automatically" and link the help article. We send this same macro about 15 times a week.',
    team: 'manila', status: 'implemented', issue: 'account/two-factor', created: 0.1, implemented: 0.3, impact: 0.6, popularity: 17,
    response: 'Live in web and mobile, with the hint text taken word for word from this suggestion.',
  },
  {
    title: 'Check SPF/DKIM when a customer sets up a custom sending domain',
    description:
      'Customers who send invoices from their own domain often forget the DKIM record, and then their invoices land in spam. A check with a green/red status in Settings → Email, plus the exact DNS records to add, would prevent most "client never got my invoice" tickets.',
    team: 'new_york', status: 'implemented', issue: 'invoices/email-delivery', created: 0.35, implemented: 0.66, impact: 0.6, popularity: 14,
    response: 'Released: the domain page now verifies SPF and DKIM and blocks sending until both pass.',
  },
  {
    title: 'Croatian and Russian macros for the top ten issues',
    description:
      'Zagreb and the Riga contractors translate the English macros by hand every time, and the answers drift apart. Translated macros for the ten most common issues would save a few minutes per ticket and keep the wording consistent.',
    team: 'zagreb', status: 'implemented', created: 0.05, implemented: 0.22, popularity: 11,
    response: 'Done – 10 macros in Croatian and Russian, reviewed by Ana and Olga.',
  },
  {
    title: 'Route Russian-language tickets straight to the Riga contractors',
    description:
      'Russian tickets land in the London queue first and wait there, sometimes for hours, until someone moves them. A trigger on the detected language could assign them to Riga Contractors directly.',
    team: 'riga_contractors', status: 'implemented', created: 0.25, implemented: 0.4, popularity: 9,
    response: 'Trigger is live; misrouted Russian tickets dropped to almost none.',
  },
  {
    title: 'Offer a callback instead of a long phone queue',
    description:
      'At Monday peaks callers wait 10+ minutes and many hang up and send an angry e-mail instead. A "we will call you back" option keeps their place in the queue.',
    team: 'new_york', status: 'implemented', created: 0.3, implemented: 0.58, popularity: 13,
    response: 'Callback is enabled for New York and London phone lines.',
  },
  {
    title: 'Bulk-update all tickets linked to one incident',
    description:
      'During incidents we answer dozens of identical tickets one by one. Linking them to a problem ticket and replying to all at once would free us to handle everything else.',
    team: 'manila', status: 'implemented', created: 0.42, implemented: 0.7, popularity: 16, anonymous: true,
    response: 'Use the new "Incident" macro: it links the ticket to the problem and sends the update to all linked requesters.',
  },
  {
    title: 'Password reset link by SMS as a fallback',
    description:
      'When the reset e-mail is blocked by a company mail filter the customer has no way back in except calling us. Sending the link by SMS to the verified phone number would solve most of these without an agent.',
    team: 'london', status: 'in_progress', issue: 'account/password-reset', created: 0.55, popularity: 21,
    response: 'Engineering has started; SMS provider contract is signed.',
  },
  {
    title: 'Put the app version and device in every mobile ticket automatically',
    description:
      'Since the 5.2.0 release we ask every customer which version and phone they use before we can do anything. The in-app "Contact support" form could attach version, OS and device automatically.',
    team: 'manila', status: 'in_progress', issue: 'mobile-app/crash-on-login', created: 'after-release', popularity: 26,
    response: 'Agreed and prioritised after the crash incident – in progress for 5.3.',
  },
  {
    title: 'Always export CSV as UTF-8 with BOM',
    description:
      'Excel opens our CSV exports as Windows-1252 and č, ć, š, đ come out as garbage. Writing a BOM fixes it for Excel users without affecting anyone else.',
    team: 'zagreb', status: 'in_progress', issue: 'web-app/export', created: 0.62, popularity: 12,
    response: 'Small change, scheduled for the next web release.',
  },
  {
    title: 'Handover notes between Zagreb, London and New York shifts',
    description:
      'Tickets that are half-way through an investigation at the end of the Zagreb day often start from zero in New York. A short handover note template (what we checked, what we promised, next step) would avoid asking the customer again.',
    team: 'zagreb', status: 'in_progress', created: 0.7, popularity: 8,
  },
  {
    title: 'Proactive e-mail to merchants when the payment provider is down',
    description:
      'During the payment outage we received hundreds of tickets asking the same thing. An automatic e-mail to all merchants with payments enabled, linking the status page, would answer them before they write.',
    team: 'new_york', status: 'accepted', issue: 'payments/provider-outage', created: 'after-outage', popularity: 28,
    response: 'Accepted. Ops will own the template; we will trigger it from the status page.',
  },
  {
    title: 'Let customers reconnect their bank feed from the error e-mail',
    description:
      'Bank-feed tickets are mostly "re-authentication required". A button in the notification e-mail that opens the reconnect flow directly would solve many without a ticket.',
    team: 'london', status: 'accepted', issue: 'banking/bank-sync', created: 0.74, popularity: 10,
    response: 'Accepted for Q1.',
  },
  {
    title: 'Escalation checklist before moving a ticket to L2',
    description:
      'Half of the tickets we receive in L2 are missing the account ID, app version or steps to reproduce, so we bounce them back. A required checklist on the escalation macro would save a round trip.',
    team: 'escalations', status: 'accepted', created: 0.6, popularity: 15,
    response: 'Accepted; the L1 leads will pilot it for a month first.',
  },
  {
    title: 'Detect duplicate invoices in the accounting sync',
    description:
      'When the QuickBooks/Xero token expires and is renewed, the sync sends the same invoices again. A duplicate check on invoice number before pushing would stop the clean-up tickets.',
    team: 'escalations', status: 'accepted', issue: 'integrations/accounting-sync', created: 0.8, popularity: 7,
  },
  {
    title: 'Raise the API rate limit for Business plans to 300 requests a minute',
    description:
      'Integrators on the Business plan hit 429s during their nightly sync. 120 requests a minute is low compared with other invoicing tools.',
    team: 'escalations', status: 'under_review', issue: 'integrations/api-rate-limit', created: 0.83, popularity: 6,
  },
  {
    title: 'Test SSO configuration before enforcing it',
    description:
      'Customers enforce SAML before testing it and lock their whole company out. A "test login" step before enforcement would prevent the urgent SSO tickets.',
    team: 'london', status: 'under_review', issue: 'integrations/sso', created: 0.86, popularity: 5,
  },
  {
    title: 'Weekend chat coverage for UK customers',
    description:
      'UK chat is closed at weekends and those customers write e-mails instead that wait until Monday morning. Manila is open on Saturday and could take UK chats.',
    team: 'london', status: 'under_review', created: 0.88, popularity: 9,
  },
  {
    title: 'Warn the next agent when a ticket comes from a flagged customer',
    description:
      'Customers flagged as abusive or who threatened legal action should show a banner at the top of the ticket so nobody walks in unprepared.',
    team: 'new_york', status: 'under_review', created: 0.9, popularity: 18, anonymous: true,
  },
  {
    title: 'Show the expected payout date in the app',
    description:
      'Customers open tickets to ask where their payout is. Showing the expected arrival date (with bank holidays) next to each payout would answer most of them.',
    team: 'manila', status: 'under_review', issue: 'payments/payout-delay', created: 0.78, popularity: 8,
  },
  {
    title: 'Roll back an app release automatically when crash reports spike',
    description:
      'The 5.2.0 login crash stayed live for days. If crash reports per hour double after a release, the store rollout should pause automatically.',
    team: 'escalations', status: 'new', issue: 'mobile-app/crash-on-login', created: 'after-release', popularity: 19,
  },
  {
    title: 'Saved replies for VAT reverse-charge questions in every language',
    description:
      'We explain reverse charge several times a week in English, Croatian and Russian. One reviewed saved reply per language would help new agents most.',
    team: 'zagreb', status: 'new', issue: 'billing/invoice-vat', created: 0.95, popularity: 4,
  },
  {
    title: 'Separate queue for internal requests',
    description:
      'Report and access requests from colleagues sit in the same queue as customers and distort our response times. A separate internal queue with its own targets would be fairer to both.',
    team: 'london', status: 'new', created: 0.96, popularity: 6,
  },
  {
    title: 'Validate the import file before uploading',
    description:
      'Import errors are reported one row at a time. A pre-check that lists every problem row with the reason would let customers fix the file in one go.',
    team: 'riga_contractors', status: 'new', issue: 'data/import', created: 0.93, popularity: 3,
  },
  {
    title: 'Tagalog saved replies for the Manila team',
    description:
      'Many Filipino customers write in Taglish and warm up when we answer the same way. A few approved Tagalog replies for the top issues would help.',
    team: 'manila', status: 'new', created: 0.97, popularity: 5,
  },
  {
    title: 'Keep tickets waiting on engineering open longer before auto-close',
    description:
      'Tickets on hold for a bug fix get solved and auto-closed, then the customer has to open a new one when the fix does not work. On-hold tickets should not be solved until the fix is confirmed.',
    team: 'escalations', status: 'new', created: 0.98, popularity: 4,
  },
  {
    title: 'No phone support on Friday afternoons',
    description: 'Friday afternoons are quiet on the phone but busy on e-mail. Closing the phone line after 14:00 on Fridays would let us clear the e-mail backlog before the weekend.',
    team: 'new_york', status: 'declined', created: 0.2, popularity: 3,
    declineReason: 'Phone has our best CSAT and enterprise contracts promise it on every business day. We will add e-mail capacity on Fridays instead.',
  },
  {
    title: 'Let agents delete customer replies that contain insults',
    description: 'Some messages from abusive customers are hard to read again and again. Agents should be able to delete them from the ticket.',
    team: 'manila', status: 'declined', created: 0.33, popularity: 7, anonymous: true,
    declineReason: 'We never delete what a customer wrote (audit and legal reasons). Flag the customer as abusive and hand the ticket to your lead; leads will take these conversations.',
  },
  {
    title: 'Auto-close pending tickets after 2 days instead of 7',
    description: 'Most customers who do not answer within 2 days never answer. Closing earlier would shrink the backlog.',
    team: 'london', status: 'declined', created: 0.45, popularity: 2,
    declineReason: 'Too short for customers who need to check with their bank or accountant; it would raise reopens and repeat contacts. We keep 7 days with a reminder after 3.',
  },
  {
    title: 'Give every customer affected by an outage a 20% discount',
    description: 'A discount would calm down angry customers after an incident and save us long discussions.',
    team: 'riga_contractors', status: 'declined', created: 0.52, popularity: 5,
    declineReason: 'Compensation depends on each contract and is decided by Sales and Finance. Request goodwill credit through the internal refund-approval process.',
  },
];

const reviewNotes = ['Looking into this with the product team.', 'Collecting numbers before we decide.', 'Thanks – discussing at the leads meeting on Thursday.', 'Under review with engineering.'];
const acceptNotes = ['Approved, added to the roadmap.', 'Accepted – good case made with the numbers.', 'Approved for next quarter.'];
const progressNotes = ['Engineering started work.', 'In progress, first version in testing.', 'Work started; ETA two sprints.'];
const commentPool = [
  '+1, we get this every day.',
  'Would also help the night shift a lot.',
  'Agree – I had three of these yesterday alone.',
  'Could we pilot this in one team first?',
  'Engineering says this needs a change on their side, probably next quarter.',
  'I added two example tickets to the issue.',
  'We tried something similar last year, the macro got outdated quickly. Someone needs to own it.',
  'Same in Manila, customers ask about this on chat all the time.',
  'Yes please. It would save at least 5 minutes per ticket.',
  'Not sure this is worth it, the volume seems small to me.',
  'Good idea, but please keep an escalation path for enterprise customers.',
  'Slažem se, u Zagrebu imamo isti problem.',
];

export interface UserRef {
  user_id: string;
  role: 'admin' | 'manager' | 'lead' | 'agent';
  team_id: string | null;
}

export interface Impact {
  issueKey: string;
  from: number;
  factor: number;
}

export interface SuggestionResult {
  suggestions: Suggestion[];
  impacts: Impact[];
}

/** Builds the suggestions; `start`/`end` are the data range, `releaseAt`/`outageAt` the two spike events. */
export function buildSuggestions(
  rng: Rng,
  users: UserRef[],
  range: { start: number; end: number; releaseAt: number; outageAt: number },
): SuggestionResult {
  const span = range.end - range.start;
  const at = (fraction: number) => range.start + fraction * span;
  const clampEnd = (t: number) => Math.min(t, range.end - HOUR);
  const deciders = (team: string) => {
    const leads = users.filter((u) => u.role === 'lead' && u.team_id === team).map((u) => u.user_id);
    const managers = users.filter((u) => u.role === 'manager').map((u) => u.user_id);
    return [...leads, ...managers];
  };
  const voters = users.filter((u) => u.role !== 'admin').map((u) => u.user_id);
  const impacts: Impact[] = [];
  const suggestions: Suggestion[] = [];

  specs.forEach((spec, index) => {
    const authors = users.filter((u) => u.role === 'agent' && u.team_id === spec.team).map((u) => u.user_id);
    const author = rng.pick(authors);
    let created: number;
    if (spec.created === 'after-release') created = range.releaseAt + rng.range(1.5, 4) * DAY;
    else if (spec.created === 'after-outage') created = range.outageAt + rng.range(1, 2.5) * DAY;
    else created = at(spec.created) + rng.range(-3, 3) * DAY;
    created = clampEnd(Math.max(range.start + DAY, created));
    created = Math.floor(created / MINUTE) * MINUTE + rng.int(0, 59) * 1000;

    // Status history: new → under_review → accepted → in_progress → implemented, or → declined.
    const path: Status[] = (() => {
      switch (spec.status) {
        case 'new': return [];
        case 'under_review': return ['under_review'];
        case 'accepted': return ['under_review', 'accepted'];
        case 'in_progress': return ['under_review', 'accepted', 'in_progress'];
        case 'implemented': return ['under_review', 'accepted', 'in_progress', 'implemented'];
        case 'declined': return rng.chance(0.7) ? ['under_review', 'declined'] : ['declined'];
      }
    })();
    const who = deciders(spec.team);
    let t = created;
    let implementedOn: string | null = null;
    const liveAt = spec.implemented !== undefined ? at(spec.implemented) : null;
    const history: NonNullable<Suggestion['history']> = [];
    let from: Status = 'new';
    path.forEach((to, step) => {
      if (to === 'implemented' && liveAt !== null) t = Math.max(t + HOUR, liveAt);
      else {
        const remaining = (liveAt ?? range.end - HOUR) - t;
        const gap = liveAt !== null ? remaining / (path.length - step + 0.5) : Math.min(rng.range(0.5, 9) * DAY, remaining / 2);
        t += Math.max(HOUR, gap * rng.range(0.6, 1));
      }
      t = clampEnd(t);
      const note =
        to === 'under_review' ? rng.pick(reviewNotes)
        : to === 'accepted' ? rng.pick(acceptNotes)
        : to === 'in_progress' ? rng.pick(progressNotes)
        : to === 'implemented' ? `Live since ${dayString(Math.floor(t / DAY))}.`
        : spec.declineReason ?? null;
      history.push({ at: isoUtc(t), actor_id: rng.pick(who), from, to, note });
      if (to === 'implemented') implementedOn = dayString(Math.floor(t / DAY));
      from = to;
    });
    if (spec.issue && spec.impact !== undefined && implementedOn) {
      impacts.push({ issueKey: spec.issue, from: Date.parse(implementedOn + 'T00:00:00Z'), factor: spec.impact });
    }

    // Votes: one per user at most, never by the author, after creation.
    const lastActivity = Math.min(range.end - MINUTE, created + 45 * DAY);
    const voteCount = Math.min(voters.length - 1, Math.max(0, rng.poisson(spec.popularity)));
    const votes = rng
      .sample(voters.filter((u) => u !== author), voteCount)
      .map((user_id) => ({ user_id, voted_at: Math.floor(rng.range(created + 10 * MINUTE, Math.max(created + 20 * MINUTE, lastActivity)) / 1000) * 1000 }))
      .filter((v) => v.voted_at < range.end)
      .sort((a, b) => a.voted_at - b.voted_at || a.user_id.localeCompare(b.user_id))
      .map((v) => ({ user_id: v.user_id, voted_at: isoUtc(v.voted_at) }));

    const comments = Array.from({ length: rng.int(0, Math.min(4, 1 + Math.floor(spec.popularity / 6))) }, () => ({
      author_id: rng.pick(voters),
      body: rng.pick(commentPool),
      created_at: Math.floor(rng.range(created + 30 * MINUTE, Math.max(created + HOUR, lastActivity)) / 1000) * 1000,
    }))
      .filter((c) => c.created_at < range.end)
      .sort((a, b) => a.created_at - b.created_at)
      .map((c) => ({ ...c, created_at: isoUtc(c.created_at) }));

    suggestions.push({
      suggestion_id: index + 1,
      title: spec.title,
      description: spec.description,
      author_id: author,
      anonymous: spec.anonymous ?? false,
      status: spec.status,
      response: spec.response ?? (spec.status === 'declined' ? spec.declineReason ?? null : null),
      decline_reason: spec.status === 'declined' ? spec.declineReason ?? 'Not planned.' : null,
      implemented_on: implementedOn,
      issue_key: spec.issue ?? null,
      created_at: isoUtc(created),
      votes,
      comments,
      history,
    });
  });
  return { suggestions, impacts };
}
