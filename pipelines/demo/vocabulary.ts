// The demo company, "Ledgerly", sells an invoicing and payments web and mobile app to small businesses.
// These are its recurring support issues: category/subcategory, how often and how hard they are, and the
// texts customers write about them (subject and first message templates with {slots}, filled per ticket).
// English everywhere; Croatian (Zagreb team), Russian (the Russian-speaking segment, Riga contractors) and
// Tagalog/Taglish (the Manila vendor) where those customers commonly write in their own language.

export type Lang = 'en' | 'hr' | 'ru' | 'tl';
export type TicketType = 'question' | 'incident' | 'problem' | 'task';
export type Channel = 'desk' | 'phone' | 'email' | 'chat' | 'social' | 'web';
export type PriorityProfile = 'critical' | 'high' | 'normal' | 'low';

/**
 * `subjects[i]` goes with `bodies[i]`; subjects after the last body's index are generic and fit every body.
 */
export interface IssueText {
  subjects: string[];
  bodies: string[];
}

export interface Issue {
  /** Stable key, `category/subcategory` slugged; suggestions link to it as issue_key. */
  key: string;
  category: string;
  subcategory: string;
  /** Relative volume among external customers' tickets (0 = never). */
  weight: number;
  /** Relative volume among internal customers' tickets (0 = never). */
  internalWeight: number;
  types: Partial<Record<TicketType, number>>;
  priority: PriorityProfile;
  /** 0 (one answer does it) … 1 (long back and forth, slow to fix). */
  complexity: number;
  /** Probability that a ticket about it is escalated to level 2 or higher. */
  escalation: number;
  tags: string[];
  /** Channel multipliers on the segment's channel mix. */
  channels?: Partial<Record<Channel, number>>;
  /** Volume spike near the end of the range: a bad app release, a payment provider outage. */
  spike?: 'release' | 'outage';
  /** Subject/body pairs instead of independent lists (long-tail how-to questions). */
  pairs?: Partial<Record<Lang, [string, string][]>>;
  text: Partial<Record<Lang, IssueText>>;
}

export const issues: Issue[] = [
  {
    key: 'account/password-reset',
    category: 'Account',
    subcategory: 'Password reset',
    weight: 6,
    internalWeight: 2,
    types: { question: 0.7, incident: 0.3 },
    priority: 'normal',
    complexity: 0.15,
    escalation: 0.02,
    tags: ['account', 'password_reset', 'login'],
    channels: { chat: 1.4, phone: 1.3 },
    text: {
      en: {
        subjects: ['Password reset email never arrives', "Can't reset my password", 'No reset link received for {email}', 'Forgot password – reset email not coming'],
        bodies: [
          'I clicked "Forgot password" three times this morning but the reset email never arrives. My login is {email}. I checked spam and the promotions tab too. Can you send the link again or reset it manually?',
          'Trying to log in to {url} but I forgot my password. The reset link you send goes nowhere, I waited {count} minutes and nothing in my inbox ({email}). I need to send invoices today.',
          'The password reset mail doesn\'t reach us. Our IT says emails from ledgerly.io might be blocked by our mail filter. Is there another way to get access? Account email: {email}',
        ],
      },
      hr: {
        subjects: ['Ne stiže mail za resetiranje lozinke', 'Ne mogu promijeniti lozinku', 'Zaboravljena lozinka – ne dolazi poveznica'],
        bodies: [
          'Klik na "Zaboravljena lozinka" ne pomaže – mail za resetiranje jednostavno ne stiže. Korisnički račun je {email}. Provjerili smo i spam. Možete li poslati link ponovno ili resetirati lozinku ručno?',
          'Ne mogu se prijaviti na {url}, zaboravljena lozinka, a poveznica za resetiranje ne dolazi već {count} minuta. Danas moramo poslati račune kupcima.',
        ],
      },
      ru: {
        subjects: ['Не приходит письмо для сброса пароля', 'Не могу восстановить пароль'],
        bodies: [
          'Нажимаю «Забыли пароль?», но письмо для сброса так и не приходит. Логин: {email}. Папку «Спам» тоже проверили. Можно отправить ссылку ещё раз или сбросить пароль вручную?',
          'Не могу войти в {url}: пароль забыт, а ссылка для восстановления не приходит уже {count} минут. Сегодня нужно отправить счета клиентам, помогите, пожалуйста.',
        ],
      },
      tl: {
        subjects: ['Hindi dumarating yung password reset email', 'Di ako maka-login, reset password po'],
        bodies: [
          'Ilang beses ko na pong kinlick yung "Forgot password" pero wala pa rin pong dumarating na email sa {email}. Na-check ko na rin po yung spam folder. Pwede po bang i-resend or i-reset na lang manually?',
          'Hindi po ako makapag-login sa {url}. Nakalimutan ko yung password at yung reset link hindi dumadating after {count} minutes. Kailangan ko pong mag-send ng invoices ngayon.',
        ],
      },
    },
  },
  {
    key: 'account/two-factor',
    category: 'Account',
    subcategory: 'Two-factor authentication',
    weight: 4,
    internalWeight: 1,
    types: { question: 0.4, incident: 0.6 },
    priority: 'high',
    complexity: 0.3,
    escalation: 0.06,
    tags: ['account', '2fa', 'login'],
    channels: { phone: 1.5, chat: 1.2 },
    text: {
      en: {
        subjects: ['2FA code not accepted', "Locked out – authenticator codes don't work after changing phone", 'SMS login codes arrive too late', 'Problem with two-factor login'],
        bodies: [
          'Every time I enter the 6-digit code from Google Authenticator it says "Invalid code". I\'ve tried {count} times. Phone: {device}. Please help, I can\'t get into the account.',
          "I got a new phone ({device}) and moved my authenticator app, now the codes don't work anymore. I don't have the backup codes. Login email {email}.",
          'SMS codes for two-factor login arrive 10 minutes late and then they are expired. Is there a problem with your SMS provider? My number ends in {card}.',
        ],
      },
      hr: {
        subjects: ['Dvofaktorska autentifikacija – kod nije ispravan', 'Ne mogu se prijaviti, 2FA kod ne radi'],
        bodies: [
          'Kod iz aplikacije Google Authenticator stalno javlja "Neispravan kod". Pokušali smo {count} puta. Novi mobitel je {device}. Kako ponovno pristupiti računu {email}?',
          'SMS kodovi za prijavu stižu s 10 minuta kašnjenja i tada su već istekli. Imate li problem sa SMS uslugom?',
        ],
      },
      ru: {
        subjects: ['Код двухфакторной аутентификации не принимается', 'Не могу войти: код 2FA неверный'],
        bodies: [
          'При входе ввожу шестизначный код из Google Authenticator, а система пишет «Неверный код». Пробовали уже {count} раз. Телефон: {device}. Резервных кодов нет. Аккаунт: {email}.',
          'Сменили телефон ({device}), перенесли приложение-аутентификатор, и коды перестали подходить. Как восстановить доступ к аккаунту {email}?',
        ],
      },
    },
  },
  {
    key: 'account/locked',
    category: 'Account',
    subcategory: 'Account locked',
    weight: 3,
    internalWeight: 1,
    types: { incident: 0.7, question: 0.3 },
    priority: 'high',
    complexity: 0.2,
    escalation: 0.04,
    tags: ['account', 'locked', 'login'],
    channels: { phone: 1.6 },
    text: {
      en: {
        subjects: ['Account locked after failed logins', 'Our admin account is locked', 'Locked out of Ledgerly'],
        bodies: [
          'Our account got locked after a colleague tried the wrong password a few times. The message says "Account temporarily locked, try again later" but it\'s been {count} hours. Company: {company}.',
          "I can't log in, it says my account is locked for security reasons. Username {email}. I didn't do anything unusual. Was my account hacked??",
        ],
      },
      hr: {
        subjects: ['Račun zaključan', 'Zaključan korisnički račun nakon prijave'],
        bodies: ['Račun nam je zaključan nakon nekoliko pogrešnih pokušaja prijave. Poruka kaže da pokušamo kasnije, ali prošlo je već {count} sati. Tvrtka: {company}.'],
      },
      tl: {
        subjects: ['Na-lock yung account namin', 'Locked account po'],
        bodies: ['Na-lock po yung account namin after ilang beses na mali yung password. Sabi "try again later" pero {count} hours na po. Company: {company}. Please help po.'],
      },
    },
  },
  {
    key: 'account/owner-change',
    category: 'Account',
    subcategory: 'Change account owner',
    weight: 1.5,
    internalWeight: 0.5,
    types: { task: 0.8, question: 0.2 },
    priority: 'low',
    complexity: 0.35,
    escalation: 0.03,
    tags: ['account', 'owner_change'],
    channels: { email: 1.6, chat: 0.4, social: 0.2 },
    text: {
      en: {
        subjects: ['Previous admin left the company', 'Please transfer admin rights to {user}', 'Change account owner'],
        bodies: [
          "Our previous account owner has left {company}. Please make {user} the new owner of the account. I'm attaching the authorisation letter signed by our director.",
          "Can you transfer the admin role from me to my colleague {user}? I'm leaving at the end of the month.",
        ],
      },
      hr: {
        subjects: ['Promjena vlasnika računa'],
        bodies: ['Naš dosadašnji administrator napustio je tvrtku {company}. Molimo da {user} postane novi vlasnik računa. U privitku šaljemo ovlaštenje koje je potpisao direktor.'],
      },
    },
  },
  {
    key: 'account/data-deletion',
    category: 'Account',
    subcategory: 'Data deletion request',
    weight: 1,
    internalWeight: 0,
    types: { task: 0.9, question: 0.1 },
    priority: 'normal',
    complexity: 0.4,
    escalation: 0.15,
    tags: ['account', 'gdpr', 'privacy'],
    channels: { email: 2, chat: 0.3, phone: 0.3, social: 0.2 },
    text: {
      en: {
        subjects: ['GDPR request: delete all my data', 'Data export and account deletion', 'Account deletion request'],
        bodies: [
          'Under Article 17 GDPR I request the deletion of all personal data you hold about me ({email}). Please confirm in writing within one month.',
          'We are closing the company and want a full export of our invoices and then the account deleted. Please tell me the steps. Account: {company}.',
        ],
      },
      hr: {
        subjects: ['Zahtjev za brisanje osobnih podataka (GDPR)'],
        bodies: ['Temeljem članka 17. GDPR-a tražim brisanje svih mojih osobnih podataka povezanih s adresom {email}. Molim pisanu potvrdu.'],
      },
      ru: {
        subjects: ['Запрос на удаление персональных данных'],
        bodies: ['В соответствии со статьёй 17 GDPR прошу удалить все мои персональные данные, связанные с адресом {email}. Прошу письменно подтвердить удаление.'],
      },
    },
  },
  {
    key: 'billing/double-charge',
    category: 'Billing',
    subcategory: 'Double charge',
    weight: 5,
    internalWeight: 0.3,
    types: { incident: 0.6, question: 0.4 },
    priority: 'high',
    complexity: 0.3,
    escalation: 0.05,
    tags: ['billing', 'double_charge', 'refund'],
    text: {
      en: {
        subjects: ['Double charge on my card', 'Duplicate payment {ref}', 'Why was I billed two times?', 'Charged twice for {month} subscription'],
        bodies: [
          'My card ending {card} was charged twice on {date}: {amount} and again {amount} a minute later. Invoice {invoice}. Please refund the duplicate.',
          'I see two identical charges from LEDGERLY* on my bank statement for {amount}. We only have one subscription. Transaction refs {ref} and {ref2}.',
          "We've been billed twice this month. This is the second time this happens!! Please fix it and refund asap. Account email {email}.",
        ],
      },
      hr: {
        subjects: ['Dvostruka naplata pretplate', 'Kartica terećena dva puta'],
        bodies: [
          'Kartica koja završava na {card} terećena je dva puta {date}: dvaput po {amount}. Račun {invoice}. Molim povrat duplog iznosa.',
          'Na izvodu vidim dvije jednake transakcije LEDGERLY* od {amount}. Imamo samo jednu pretplatu. Molim provjeru i povrat novca.',
        ],
      },
      ru: {
        subjects: ['Двойное списание за подписку', 'Деньги списали два раза'],
        bodies: [
          'С карты, оканчивающейся на {card}, {date} дважды списали {amount}. Счёт {invoice}. Прошу вернуть лишний платёж.',
          'В выписке две одинаковые операции LEDGERLY* на {amount}. Подписка у нас одна. Номера транзакций: {ref}, {ref2}. Разберитесь, пожалуйста.',
        ],
      },
      tl: {
        subjects: ['Doble yung charge sa card ko', 'Na-charge ako ng dalawang beses'],
        bodies: [
          'Na-charge po ng dalawang beses yung card ko ending {card} nung {date}, tig-{amount}. Invoice {invoice}. Pa-refund po nung isa.',
          'May dalawang charge po from LEDGERLY* sa statement ko, parehong {amount}. Isa lang po subscription namin. Paki-check po at paki-refund.',
        ],
      },
    },
  },
  {
    key: 'billing/refund',
    category: 'Billing',
    subcategory: 'Refund request',
    weight: 4,
    internalWeight: 0,
    types: { question: 0.5, task: 0.5 },
    priority: 'normal',
    complexity: 0.35,
    escalation: 0.04,
    tags: ['billing', 'refund'],
    text: {
      en: {
        subjects: ['Requesting refund for annual plan', 'Please refund unused months', 'Charged after cancelling the trial', 'Refund request'],
        bodies: [
          "We upgraded to the annual {plan} plan by mistake on {date}. We'd like a refund of {amount} and to go back to monthly billing. Invoice {invoice}.",
          "We stopped using Ledgerly in {month} but were still charged {amount}. I'd like a refund for the unused period.",
          'I cancelled within the 14-day trial but was charged anyway. Please refund {amount} to the card ending {card}.',
        ],
      },
      hr: {
        subjects: ['Zahtjev za povrat novca'],
        bodies: ['Greškom smo {date} prešli na godišnji paket {plan}. Molimo povrat {amount} i povratak na mjesečno plaćanje. Račun {invoice}.'],
      },
      ru: {
        subjects: ['Запрос на возврат средств'],
        bodies: ['Мы отменили подписку в течение пробного периода, но с карты {card} всё равно списали {amount}. Прошу вернуть деньги.'],
      },
      tl: {
        subjects: ['Request for refund po'],
        bodies: ['Na-cancel ko na po within 14-day trial pero na-charge pa rin ako ng {amount}. Pa-refund po sa card ending {card}. Salamat po.'],
      },
    },
  },
  {
    key: 'billing/invoice-vat',
    category: 'Billing',
    subcategory: 'Wrong VAT on invoice',
    weight: 3,
    internalWeight: 0.2,
    types: { question: 0.6, task: 0.4 },
    priority: 'normal',
    complexity: 0.35,
    escalation: 0.03,
    tags: ['billing', 'vat', 'invoice'],
    channels: { email: 1.5, chat: 0.6, social: 0.2 },
    text: {
      en: {
        subjects: ['Invoice shows VAT although we are reverse charge', 'VAT number missing on invoice', 'Question about VAT on your invoices'],
        bodies: [
          'Your invoice {invoice} charges {vat}% VAT but we are a VAT-registered business in the EU (VAT ID {vatid}) so reverse charge should apply. Please reissue the invoice.',
          "Our VAT number is missing on the last three invoices. Our accountant can't book them like this. VAT ID: {vatid}.",
        ],
      },
      hr: {
        subjects: ['Pogrešan PDV na računu {invoice}', 'Na računima nedostaje naš PDV broj'],
        bodies: [
          'Na vašem računu {invoice} obračunat je PDV od {vat}%, a mi smo obveznik PDV-a u EU (PDV ID {vatid}) pa treba primijeniti prijenos porezne obveze. Molim ispravak računa.',
          'Na zadnja tri računa nedostaje naš PDV identifikacijski broj {vatid}. Knjigovođa ih ne može proknjižiti. Molim nove račune.',
        ],
      },
      ru: {
        subjects: ['Неверный НДС в счёте {invoice}'],
        bodies: ['В счёте {invoice} начислен НДС {vat}%, хотя мы плательщики НДС в ЕС (номер {vatid}) и должен применяться reverse charge. Прошу переоформить счёт.'],
      },
    },
  },
  {
    key: 'subscription/plan-change',
    category: 'Subscription',
    subcategory: 'Plan change',
    weight: 3,
    internalWeight: 0,
    types: { task: 0.6, question: 0.4 },
    priority: 'low',
    complexity: 0.15,
    escalation: 0.01,
    tags: ['subscription', 'plan_change'],
    text: {
      en: {
        subjects: ['Upgrade to {plan}', 'Downgrade our plan', 'Add {count} more seats'],
        bodies: [
          "We'd like to move from Starter to {plan} starting next month. Will the price be prorated? Account: {company}.",
          "Please downgrade us to the Starter plan at the end of the billing period, we don't need the extra users anymore.",
          'We need {count} additional user seats for our new accounting team. How do we add them without changing the plan?',
        ],
      },
      hr: {
        subjects: ['Promjena paketa'],
        bodies: ['Željeli bismo od idućeg mjeseca prijeći s paketa Starter na {plan}. Hoće li se cijena obračunati razmjerno? Tvrtka: {company}.'],
      },
      tl: {
        subjects: ['Upgrade po sa {plan}'],
        bodies: ['Gusto po naming mag-upgrade from Starter to {plan} next month. Prorated po ba yung price? Company: {company}.'],
      },
    },
  },
  {
    key: 'subscription/cancellation',
    category: 'Subscription',
    subcategory: 'Cancellation',
    weight: 2.5,
    internalWeight: 0,
    types: { task: 0.5, question: 0.5 },
    priority: 'normal',
    complexity: 0.2,
    escalation: 0.02,
    tags: ['subscription', 'cancellation', 'churn_risk'],
    text: {
      en: {
        subjects: ['Cancel subscription', 'How do I cancel?', 'Cancelling – how do we export our invoices first?'],
        bodies: [
          'Please cancel our subscription effective immediately and confirm that no further charges will be made. Company: {company}.',
          "I can't find the cancel button anywhere in the settings. I want to cancel before the renewal on {date}.",
          "We're moving to another tool. Please cancel and tell me how to export all invoices first.",
        ],
      },
      hr: {
        subjects: ['Otkaz pretplate'],
        bodies: ['Molimo otkažite našu pretplatu s trenutnim učinkom i potvrdite da više neće biti naplate. Tvrtka: {company}.'],
      },
      ru: {
        subjects: ['Отмена подписки'],
        bodies: ['Не могу найти в настройках, где отменить подписку. Нужно отменить до продления {date}. Подскажите, пожалуйста.'],
      },
      tl: {
        subjects: ['Paano po mag-cancel ng subscription?'],
        bodies: ['Hindi ko po makita kung saan yung cancel sa settings. Gusto ko na po i-cancel bago mag-renew sa {date}.'],
      },
    },
  },
  {
    key: 'payments/card-declined',
    category: 'Payments',
    subcategory: 'Card payments declined',
    weight: 3,
    internalWeight: 0,
    types: { incident: 0.7, question: 0.3 },
    priority: 'high',
    complexity: 0.45,
    escalation: 0.1,
    tags: ['payments', 'card_declined'],
    text: {
      en: {
        subjects: ["Clients can't pay invoices by card", 'Payment link error: card declined', 'Card payments declined on payment page'],
        bodies: [
          'Several of our clients tell us their card is declined on the payment page for invoice {invoice}, even though the cards work elsewhere. Error shown: "{error}".',
          'My customer tried to pay {amount} with Visa and Mastercard through the payment link {url} and both were declined. Is something wrong with our merchant account?',
        ],
      },
      hr: {
        subjects: ['Kupci ne mogu platiti karticom'],
        bodies: ['Nekoliko kupaca javlja da im je kartica odbijena na stranici za plaćanje računa {invoice}, iako kartice rade drugdje. Poruka: "{error}".'],
      },
      ru: {
        subjects: ['Клиенты не могут оплатить счёт картой'],
        bodies: ['Клиенты пишут, что карта отклоняется на странице оплаты счёта {invoice}, хотя в других местах карты работают. Ошибка: «{error}».'],
      },
      tl: {
        subjects: ['Declined po yung card payments ng clients namin'],
        bodies: ['Yung mga clients po namin hindi makapagbayad ng invoice {invoice} gamit card, laging declined. Error: "{error}". Gumagana naman po yung cards nila sa iba.'],
      },
    },
  },
  {
    key: 'payments/provider-outage',
    category: 'Payments',
    subcategory: 'Payment provider outage',
    weight: 0.5,
    internalWeight: 0.3,
    types: { incident: 0.9, problem: 0.1 },
    priority: 'critical',
    complexity: 0.5,
    escalation: 0.2,
    tags: ['payments', 'outage', 'payment_failed'],
    channels: { phone: 1.8, chat: 1.5, social: 2 },
    spike: 'outage',
    text: {
      en: {
        subjects: ['Payments failing: "Transaction could not be processed"', 'URGENT: no payments going through', 'Payment page down?', 'All card payments failing right now'],
        bodies: [
          'Since around {time} none of our customers can pay. The payment page shows "Transaction could not be processed ({error})". We are losing sales, please fix urgently!',
          'Is there an outage? Every payment attempt through {url} fails. Nothing on your status page. We have {count} failed payments already.',
          'Payments are failing for all our clients today. Error {error}. Is your payment provider down? When will this be fixed?',
        ],
      },
      hr: {
        subjects: ['Plaćanja ne prolaze: "Transaction could not be processed"', 'HITNO: plaćanja ne rade'],
        bodies: [
          'Od otprilike {time} nijedan kupac ne može platiti. Na stranici za plaćanje piše "Transaction could not be processed ({error})". Gubimo prodaju, molim hitno rješenje!',
          'Imate li prekid rada? Svaki pokušaj plaćanja preko {url} završi greškom. Već imamo {count} neuspjelih plaćanja.',
        ],
      },
      ru: {
        subjects: ['Платежи не проходят: «Transaction could not be processed»', 'СРОЧНО: не проходит ни один платёж'],
        bodies: [
          'Примерно с {time} ни один клиент не может оплатить. Страница оплаты показывает «Transaction could not be processed ({error})». Мы теряем продажи, срочно исправьте!',
          'У вас сбой? Все попытки оплаты через {url} заканчиваются ошибкой {error}. Уже {count} неудачных платежей.',
        ],
      },
      tl: {
        subjects: ['Hindi po pumapasok yung payments', 'URGENT: failed lahat ng payments'],
        bodies: [
          'Since {time} po wala nang customer namin ang makapagbayad. "Transaction could not be processed ({error})" po yung lumalabas. Nawawalan na po kami ng sales, paki-ayos po agad!',
          'May outage po ba? Lahat ng payment attempts sa {url} failed. {count} failed payments na po kami.',
        ],
      },
    },
  },
  {
    key: 'payments/payout-delay',
    category: 'Payments',
    subcategory: 'Payout delayed',
    weight: 2.5,
    internalWeight: 0,
    types: { incident: 0.5, question: 0.5 },
    priority: 'high',
    complexity: 0.4,
    escalation: 0.08,
    tags: ['payments', 'payout'],
    text: {
      en: {
        subjects: ['Where is our payout from {date}?', 'Payouts delayed for {count} days', 'Payout not received'],
        bodies: [
          "The payout of {amount} scheduled for {date} still hasn't reached our {bank} account. Payout ID {ref}.",
          'We usually receive payouts within 2 business days but the last one is {count} days late. Can you check?',
        ],
      },
      hr: {
        subjects: ['Isplata nije stigla'],
        bodies: ['Isplata od {amount} zakazana za {date} još nije stigla na naš račun u {bank}. ID isplate {ref}.'],
      },
      tl: {
        subjects: ['Hindi pa po dumating yung payout'],
        bodies: ['Yung payout po na {amount} na naka-schedule nung {date}, wala pa po sa {bank} account namin. Payout ID {ref}.'],
      },
    },
  },
  {
    key: 'banking/bank-sync',
    category: 'Banking',
    subcategory: 'Bank feed not syncing',
    weight: 3.5,
    internalWeight: 0,
    types: { incident: 0.7, question: 0.3 },
    priority: 'normal',
    complexity: 0.5,
    escalation: 0.12,
    tags: ['banking', 'bank_feed', 'sync'],
    text: {
      en: {
        subjects: ['{bank} connection keeps disconnecting', 'Transactions missing from bank sync', 'Bank feed not syncing'],
        bodies: [
          'Our {bank} bank feed stopped syncing on {date}. The connection status says "Re-authentication required" but re-connecting fails with {error}.',
          'Transactions after {date} are missing from the bank reconciliation. We reconnected {bank} twice. Please check.',
        ],
      },
      hr: {
        subjects: ['Bankovni izvodi se ne sinkroniziraju', 'Veza s {bank} stalno pada'],
        bodies: ['Sinkronizacija s {bank} prestala je raditi {date}. Status veze kaže "Potrebna ponovna autorizacija", ali ponovno povezivanje javlja grešku {error}.'],
      },
      ru: {
        subjects: ['Не синхронизируется банк', 'Ошибка подключения к {bank}'],
        bodies: ['С {date} перестала работать синхронизация с {bank}. Статус подключения: «Требуется повторная авторизация», но переподключение выдаёт ошибку {error}.'],
      },
      tl: {
        subjects: ['Hindi nagsi-sync yung {bank}'],
        bodies: ['Hindi na po nagsi-sync yung {bank} bank feed namin since {date}. Nag-reconnect na kami pero may error {error}.'],
      },
    },
  },
  {
    key: 'mobile-app/crash-on-login',
    category: 'Mobile app',
    subcategory: 'Crash on login after update',
    weight: 0.6,
    internalWeight: 0.5,
    types: { incident: 0.85, problem: 0.15 },
    priority: 'high',
    complexity: 0.45,
    escalation: 0.22,
    tags: ['mobile_app', 'crash', 'login'],
    channels: { social: 2.2, web: 1.3, phone: 0.8 },
    spike: 'release',
    text: {
      en: {
        subjects: ['App crashes on login after update', 'Mobile app closes immediately after I log in', 'Ledgerly app crashing since version {version}', 'Mobile app crash on login'],
        bodies: [
          'Since updating to version {version} the app crashes as soon as I tap "Log in". {device}, {os}. Reinstalling didn\'t help. I can\'t send invoices from the road anymore.',
          "After today's update the Ledgerly app just closes when logging in. Tried on two phones. Please fix, our field staff depend on it.",
          "App version {version} crashes on the login screen every time. I've deleted and reinstalled it. Device: {device} ({os}).",
        ],
      },
      hr: {
        subjects: ['Aplikacija se ruši pri prijavi nakon ažuriranja', 'Mobilna aplikacija se zatvara odmah nakon prijave'],
        bodies: [
          'Od ažuriranja na verziju {version} aplikacija se sruši čim se pritisne "Prijava". {device}, {os}. Ponovna instalacija nije pomogla.',
          'Nakon današnjeg ažuriranja aplikacija se samo zatvori kod prijave. Probali smo na dva mobitela. Molimo hitan popravak, terenski djelatnici ovise o njoj.',
        ],
      },
      ru: {
        subjects: ['Приложение вылетает при входе после обновления', 'Не открывается приложение после обновления'],
        bodies: [
          'После обновления до версии {version} приложение закрывается сразу после нажатия «Войти». {device}, {os}. Переустановка не помогла.',
          'Версия {version} вылетает на экране входа каждый раз. Удалили и установили заново — не помогает. Устройство: {device} ({os}).',
        ],
      },
      tl: {
        subjects: ['Nagka-crash yung app pag nag-login after update', 'Ayaw mag-open ng app after update'],
        bodies: [
          'Since nag-update ako sa version {version}, nagka-crash na yung app pag pinindot ko yung "Log in". {device}, {os}. Nag-reinstall na rin po ako, ganun pa rin.',
          'After po ng update kanina, nagsasara lang yung Ledgerly app pag nagla-login. Dalawang phone na po sinubukan namin.',
        ],
      },
    },
  },
  {
    key: 'mobile-app/sync',
    category: 'Mobile app',
    subcategory: 'Sync not working',
    weight: 3,
    internalWeight: 0.5,
    types: { incident: 0.7, question: 0.3 },
    priority: 'normal',
    complexity: 0.45,
    escalation: 0.1,
    tags: ['mobile_app', 'sync'],
    text: {
      en: {
        subjects: ["Invoices created on phone don't show on web", 'Expenses from the app missing on desktop', 'Mobile app not syncing'],
        bodies: [
          'Invoices I create on my phone don\'t appear in the web app. The app shows "Updating…" forever. {device}, app version {version}.',
          'Expenses I photographed yesterday are missing on the desktop. Is sync broken? {device}, {os}.',
        ],
      },
      hr: {
        subjects: ['Aplikacija se ne sinkronizira'],
        bodies: ['Računi napravljeni na mobitelu ne pojavljuju se u web aplikaciji. Aplikacija stalno piše "Ažuriranje…". {device}, verzija {version}.'],
      },
      ru: {
        subjects: ['Не работает синхронизация в мобильном приложении'],
        bodies: ['Счета, созданные в телефоне, не появляются в веб-версии. Приложение бесконечно показывает «Обновление…». {device}, версия {version}.'],
      },
      tl: {
        subjects: ['Hindi nagsi-sync yung app'],
        bodies: ['Yung mga invoice na ginawa ko sa phone hindi lumalabas sa web. Naka-"Updating…" lang po palagi. {device}, version {version}.'],
      },
    },
  },
  {
    key: 'mobile-app/notifications',
    category: 'Mobile app',
    subcategory: 'Push notifications',
    weight: 1.5,
    internalWeight: 0.3,
    types: { incident: 0.6, question: 0.4 },
    priority: 'low',
    complexity: 0.3,
    escalation: 0.05,
    tags: ['mobile_app', 'notifications'],
    text: {
      en: {
        subjects: ['No push notifications for paid invoices', 'Notifications stopped working'],
        bodies: [
          'I no longer get a notification when a client pays an invoice. Notifications are enabled in the phone settings. {device}, {os}.',
          'Push notifications stopped after the last update. Nothing in the notification settings changed. App version {version}.',
        ],
      },
    },
  },
  {
    key: 'web-app/performance',
    category: 'Web app',
    subcategory: 'Slow performance',
    weight: 2,
    internalWeight: 1,
    types: { incident: 0.8, question: 0.2 },
    priority: 'normal',
    complexity: 0.5,
    escalation: 0.14,
    tags: ['web_app', 'performance'],
    text: {
      en: {
        subjects: ['Dashboard extremely slow', 'Ledgerly is very slow today', 'Pages take a minute to load'],
        bodies: [
          'The dashboard takes 40–60 seconds to load since {date}. We have about {count} thousand invoices. Browser: {browser}.',
          'Everything is really slow today, opening an invoice takes forever and sometimes times out with {error}.',
        ],
      },
      hr: {
        subjects: ['Aplikacija je jako spora'],
        bodies: ['Nadzorna ploča se od {date} učitava 40–60 sekundi. Preglednik: {browser}. Imamo oko {count} tisuća računa.'],
      },
    },
  },
  {
    key: 'web-app/export',
    category: 'Web app',
    subcategory: 'Export to Excel/CSV',
    weight: 2.5,
    internalWeight: 1,
    types: { incident: 0.6, question: 0.4 },
    priority: 'normal',
    complexity: 0.35,
    escalation: 0.07,
    tags: ['web_app', 'export', 'reports'],
    text: {
      en: {
        subjects: ['Excel export is empty', 'CSV export breaks special characters', 'Export button does nothing', 'Export to Excel not working'],
        bodies: [
          'When I export invoices for {month} to Excel, the file is empty except for the header row. Browser {browser}.',
          "The CSV export mangles special characters (č, ć, š) and our accountant can't import it.",
          'Clicking "Export" shows a spinner and then nothing happens. I need the report for the auditors by Friday.',
        ],
      },
      hr: {
        subjects: ['Izvoz u Excel ne radi', 'CSV izvoz krivo prikazuje slova'],
        bodies: [
          'Kad izvezemo račune za {month} u Excel, datoteka je prazna osim zaglavlja. Preglednik {browser}.',
          'Izvoz u CSV ne prikazuje dobro naša slova (č, ć, ž, š, đ), knjigovođa ga ne može učitati.',
        ],
      },
      ru: {
        subjects: ['Экспорт в Excel не работает'],
        bodies: ['При экспорте счетов за {month} в Excel файл пустой, только заголовок. Браузер {browser}.'],
      },
    },
  },
  {
    key: 'invoices/pdf-layout',
    category: 'Invoices',
    subcategory: 'PDF layout',
    weight: 2.5,
    internalWeight: 0.3,
    types: { incident: 0.6, question: 0.4 },
    priority: 'normal',
    complexity: 0.35,
    escalation: 0.08,
    tags: ['invoices', 'pdf'],
    text: {
      en: {
        subjects: ['Logo missing on invoice PDF', 'PDF cuts off the last line items', 'Invoice PDF layout broken'],
        bodies: [
          'Our logo disappeared from the invoice PDFs since {date}. In the editor the preview looks fine. Example: {url}',
          'When an invoice has more than {count} line items the PDF cuts off the last ones. Invoice {invoice}.',
        ],
      },
      hr: {
        subjects: ['Logo nedostaje na PDF računu'],
        bodies: ['Od {date} naš logo više se ne prikazuje na PDF računima, iako je u pregledu sve u redu. Primjer: {url}'],
      },
    },
  },
  {
    key: 'invoices/recurring',
    category: 'Invoices',
    subcategory: 'Recurring invoices',
    weight: 3,
    internalWeight: 0.2,
    types: { question: 0.5, incident: 0.5 },
    priority: 'normal',
    complexity: 0.3,
    escalation: 0.05,
    tags: ['invoices', 'recurring'],
    text: {
      en: {
        subjects: ['Recurring invoices were not sent', 'How do I set up recurring invoices?', 'Recurring invoice sent twice'],
        bodies: [
          'Our monthly recurring invoices for {count} clients were not sent on {date}. The schedule is active. What happened?',
          'How do I set up an invoice that repeats every month on the 1st and is sent automatically?',
          'A client received the recurring invoice {invoice} twice today. Please check why.',
        ],
      },
      hr: {
        subjects: ['Ponavljajući računi nisu poslani', 'Kako postaviti ponavljajuće račune?'],
        bodies: [
          'Mjesečni ponavljajući računi za {count} klijenata nisu poslani {date}. Raspored je aktivan. Što se dogodilo?',
          'Kako postaviti račun koji se ponavlja svaki mjesec na prvi dan i automatski šalje kupcu?',
        ],
      },
      ru: {
        subjects: ['Не отправились регулярные счета'],
        bodies: ['Ежемесячные регулярные счета для {count} клиентов не были отправлены {date}. Расписание активно. В чём проблема?'],
      },
      tl: {
        subjects: ['Paano mag-setup ng recurring invoice?'],
        bodies: ['Paano po mag-setup ng invoice na automatic na nagse-send every 1st of the month? Hindi ko po makita sa settings.'],
      },
    },
  },
  {
    key: 'invoices/email-delivery',
    category: 'Invoices',
    subcategory: 'Invoice emails not delivered',
    weight: 3,
    internalWeight: 0.2,
    types: { incident: 0.7, question: 0.3 },
    priority: 'normal',
    complexity: 0.4,
    escalation: 0.08,
    tags: ['invoices', 'email_delivery'],
    text: {
      en: {
        subjects: ['Invoice {invoice} never reached the client', 'Invoice emails going to spam', "Clients don't receive our invoice emails"],
        bodies: [
          'Several clients say they never got invoice {invoice}. The activity log says "Sent". One of them is {email2}.',
          "Our invoice emails land in clients' spam folders since we set up our own sending domain. Do we need SPF/DKIM records?",
        ],
      },
      hr: {
        subjects: ['Kupci ne primaju račune e-poštom'],
        bodies: ['Nekoliko kupaca kaže da nikad nisu primili račun {invoice}, a u zapisniku piše "Poslano". Jedan od njih je {email2}.'],
      },
      tl: {
        subjects: ['Hindi natatanggap ng clients yung invoice emails'],
        bodies: ['Sabi po ng ilang clients namin hindi nila natanggap yung invoice {invoice}, pero "Sent" naman sa log. Isa po dun si {email2}.'],
      },
    },
  },
  {
    key: 'invoices/currency',
    category: 'Invoices',
    subcategory: 'Currency and exchange rates',
    weight: 2,
    internalWeight: 0.2,
    types: { question: 0.9, incident: 0.1 },
    priority: 'low',
    complexity: 0.2,
    escalation: 0.02,
    tags: ['invoices', 'currency'],
    text: {
      en: {
        subjects: ['Invoice in USD shows wrong exchange rate', 'How to invoice in multiple currencies?'],
        bodies: [
          'Invoice {invoice} in USD was converted with an exchange rate from last week. Which rate source do you use?',
          'Can we issue invoices in EUR and GBP from the same account? Our base currency is {currency}.',
        ],
      },
      hr: {
        subjects: ['Tečaj na računu u stranoj valuti'],
        bodies: ['Na računu {invoice} u USD korišten je tečaj od prošlog tjedna. Koji tečaj koristite, HNB ili ECB?'],
      },
    },
  },
  {
    key: 'integrations/api-rate-limit',
    category: 'Integrations',
    subcategory: 'API rate limits',
    weight: 1.5,
    internalWeight: 0,
    types: { incident: 0.6, question: 0.4 },
    priority: 'high',
    complexity: 0.55,
    escalation: 0.3,
    tags: ['integrations', 'api', 'rate_limit'],
    channels: { email: 1.6, web: 1.4, phone: 0.2, chat: 0.5, social: 0.1 },
    text: {
      en: {
        subjects: ['API returns 429 Too Many Requests', 'Nightly sync failing with 429 errors', 'Rate limit too low for our sync'],
        bodies: [
          'Our integration gets HTTP 429 from {apiurl} after about {count} requests per minute. The docs say the limit is 120/min. Request ID {ref}.',
          "Since {date} our nightly sync fails with 429 errors. We didn't change anything on our side.",
        ],
      },
    },
  },
  {
    key: 'integrations/webhooks',
    category: 'Integrations',
    subcategory: 'Webhooks',
    weight: 1.5,
    internalWeight: 0,
    types: { incident: 0.8, question: 0.2 },
    priority: 'high',
    complexity: 0.6,
    escalation: 0.32,
    tags: ['integrations', 'webhooks'],
    channels: { email: 1.6, web: 1.4, phone: 0.2, chat: 0.5, social: 0.1 },
    text: {
      en: {
        subjects: ['invoice.paid webhook missing', 'Webhooks delivered twice or not at all', 'Webhooks not delivered'],
        bodies: [
          'We stopped receiving invoice.paid webhooks on {date}. Our endpoint {apiurl} returns 200. Webhook ID {ref}.',
          'Some webhook events arrive twice and some never. We need this for our ERP sync.',
        ],
      },
    },
  },
  {
    key: 'integrations/sso',
    category: 'Integrations',
    subcategory: 'SSO (SAML)',
    weight: 1,
    internalWeight: 0.5,
    types: { incident: 0.6, question: 0.4 },
    priority: 'high',
    complexity: 0.6,
    escalation: 0.3,
    tags: ['integrations', 'sso', 'login'],
    channels: { email: 1.5, phone: 0.5, social: 0.1 },
    text: {
      en: {
        subjects: ['Azure AD single sign-on error', 'Okta SSO login stopped working', 'SAML SSO login fails'],
        bodies: [
          'After configuring SAML with Azure AD, users get "{error}: Invalid audience" when logging in. Entity ID is {url}.',
          'Our Okta SSO stopped working this morning, nobody at {company} can log in.',
        ],
      },
    },
  },
  {
    key: 'integrations/accounting-sync',
    category: 'Integrations',
    subcategory: 'Accounting software sync',
    weight: 2.5,
    internalWeight: 0,
    types: { incident: 0.7, question: 0.3 },
    priority: 'normal',
    complexity: 0.55,
    escalation: 0.15,
    tags: ['integrations', 'accounting_sync'],
    text: {
      en: {
        subjects: ['{accounting} sync creates duplicate invoices', 'Payments not synced to {accounting}', '{accounting} integration problem'],
        bodies: [
          'Since {date} every invoice appears twice in {accounting}. We have {count} duplicates now. Please stop the sync or fix it.',
          'Payments recorded in Ledgerly are not marked as paid in {accounting}. Last successful sync was {date}.',
        ],
      },
      hr: {
        subjects: ['Sinkronizacija s {accounting} stvara duplikate'],
        bodies: ['Od {date} se svaki račun u {accounting} pojavljuje dvaput. Imamo već {count} duplikata. Molim zaustavite ili popravite sinkronizaciju.'],
      },
    },
  },
  {
    key: 'data/import',
    category: 'Data',
    subcategory: 'Import errors',
    weight: 2.5,
    internalWeight: 0.3,
    types: { question: 0.5, incident: 0.5 },
    priority: 'normal',
    complexity: 0.4,
    escalation: 0.06,
    tags: ['data', 'import'],
    text: {
      en: {
        subjects: ['Client import error on row {count}', "Importing products from Excel doesn't work", 'CSV import fails'],
        bodies: [
          'Importing our client list fails with "Row {count}: invalid tax number". The file is from our old system.',
          'The product import says "Unexpected column" although I used your template from {url}.',
        ],
      },
      hr: {
        subjects: ['Uvoz klijenata ne radi'],
        bodies: ['Uvoz popisa klijenata javlja grešku "Redak {count}: neispravan OIB". Datoteka je iz našeg starog programa.'],
      },
      ru: {
        subjects: ['Ошибка импорта клиентов'],
        bodies: ['Импорт списка клиентов падает с ошибкой «Строка {count}: неверный налоговый номер». Файл выгружен из нашей старой системы.'],
      },
    },
  },
  {
    key: 'data/missing-records',
    category: 'Data',
    subcategory: 'Missing invoices',
    weight: 1,
    internalWeight: 0.2,
    types: { incident: 0.9, problem: 0.1 },
    priority: 'critical',
    complexity: 0.7,
    escalation: 0.45,
    tags: ['data', 'missing_data'],
    text: {
      en: {
        subjects: ['Invoices disappeared from our account', 'Missing invoices after yesterday', 'Where are our {month} invoices?'],
        bodies: [
          'All invoices from {date} onwards are gone from the list. Search for {invoice} finds nothing. We did not delete anything!',
          'About {count} invoices are missing since yesterday. We need them for the VAT return. Please restore them urgently.',
        ],
      },
      hr: {
        subjects: ['Nestali računi iz aplikacije'],
        bodies: ['Svi računi od {date} nestali su s popisa. Pretraga za {invoice} ne nalazi ništa. Nismo ništa brisali! Trebaju nam za PDV prijavu.'],
      },
    },
  },
  {
    key: 'users/permissions',
    category: 'Users',
    subcategory: 'Permissions and invites',
    weight: 3,
    internalWeight: 1,
    types: { question: 0.8, task: 0.2 },
    priority: 'low',
    complexity: 0.2,
    escalation: 0.02,
    tags: ['users', 'permissions'],
    text: {
      en: {
        subjects: ['Invite email for new user not received', 'Give accountant read-only access', "User can see invoices she shouldn't"],
        bodies: [
          'I invited {email2} as an accountant but the invitation never arrived.',
          'How can I give our external accountant access to reports only, without seeing bank details?',
          "A user with the Sales role can see all invoices, including other departments'. Is that expected?",
        ],
      },
      hr: {
        subjects: ['Pozivnica za novog korisnika nije stigla'],
        bodies: ['Poslali smo pozivnicu na {email2} za našu knjigovođu, ali nije stigla.'],
      },
      ru: {
        subjects: ['Не приходит приглашение новому пользователю'],
        bodies: ['Отправили приглашение на {email2} для нашего бухгалтера, но письмо так и не пришло.'],
      },
      tl: {
        subjects: ['Hindi natanggap ng bagong user yung invite'],
        bodies: ['In-invite ko po si {email2} as accountant pero hindi niya natanggap yung invitation.'],
      },
    },
  },
  {
    key: 'general/how-to',
    category: 'General',
    subcategory: 'How-to question',
    weight: 6,
    internalWeight: 1,
    types: { question: 1 },
    priority: 'low',
    complexity: 0.1,
    escalation: 0.01,
    tags: ['how_to'],
    channels: { chat: 1.4 },
    text: {},
    pairs: {
      en: [
        ['How do I add a discount to an invoice?', "I can't find where to add a discount to a single line item. Can you help?"],
        ['Can I change the invoice number sequence?', 'Our accountant wants invoice numbers to restart every year, like 2026-0001. Is that possible?'],
        ['Question about late payment reminders', 'Can Ledgerly send an automatic reminder when an invoice is 7 days overdue?'],
        ['Where do I change my company address?', 'We moved offices. Where do I change the address that appears on invoices?'],
        ['Second bank account on invoices', 'Is there a way to show a second bank account (GBP) on some invoices?'],
        ['How do I issue a credit note?', 'I need to cancel invoice {invoice} partially. How do I send a credit note?'],
        ['Change invoice language to German', 'One of our clients is in Germany. Can I send them invoices in German while the rest stay in English?'],
        ['Attach a PDF to invoice email', 'Can I attach our terms and conditions PDF to every invoice email?'],
        ['How to duplicate an invoice', 'Is there a quick way to copy last month\'s invoice for the same client?'],
        ['Delete a draft invoice', 'How do I delete draft invoices? There is no delete button on {url}'],
      ],
      hr: [
        ['Kako dodati popust na račun?', 'Ne mogu pronaći gdje se dodaje popust na pojedinu stavku računa. Možete li pomoći?'],
        ['Promjena adrese tvrtke', 'Preselili smo se. Gdje mogu promijeniti adresu tvrtke da se prikazuje na računima?'],
        ['Kako izdati storno računa?', 'Trebam stornirati račun {invoice}. Kako se izdaje knjižno odobrenje?'],
        ['Numeracija računa', 'Knjigovođa želi da numeracija računa kreće ispočetka svake godine (npr. 1-1-1). Je li to moguće?'],
      ],
      ru: [
        ['Как добавить скидку в счёт?', 'Не могу найти, где добавить скидку к позиции счёта. Подскажите, пожалуйста.'],
        ['Как изменить язык счетов?', 'Нужно выставлять счета на английском и латышском. Где меняется язык шаблона?'],
        ['Напоминания о просроченной оплате', 'Может ли Ledgerly автоматически напоминать клиенту, если счёт просрочен на 7 дней?'],
      ],
      tl: [
        ['Paano mag-add ng discount sa invoice?', 'Saan po pwede mag-add ng discount sa isang item ng invoice? Hindi ko po makita.'],
        ['Paano po mag-send ng payment reminder?', 'Paano po mag-send ng automatic reminder sa clients na late magbayad?'],
        ['Pano mag-duplicate ng invoice', 'May paraan po ba para i-copy yung invoice last month para sa same client?'],
      ],
    },
  },
  // Internal requesters only (colleagues from other departments).
  {
    key: 'internal/report-request',
    category: 'Internal',
    subcategory: 'Report request',
    weight: 0,
    internalWeight: 5,
    types: { task: 0.9, question: 0.1 },
    priority: 'normal',
    complexity: 0.3,
    escalation: 0.02,
    tags: ['internal', 'report'],
    channels: { desk: 0.7 },
    text: {
      en: {
        subjects: ['Usage report for {company2}', 'Need support numbers for the Q{quarter} board deck', 'Data request'],
        bodies: [
          'Could you pull the ticket history and usage summary for {company2} before our renewal call on {date}? Thanks!',
          'For the board deck I need the number of customers who contacted support about billing in the last quarter, split by plan.',
        ],
      },
      hr: {
        subjects: ['Izvještaj za {company2}'],
        bodies: ['Trebao bi mi pregled tiketa i korištenja za {company2} prije sastanka o produljenju ugovora {date}. Hvala!'],
      },
    },
  },
  {
    key: 'internal/refund-approval',
    category: 'Internal',
    subcategory: 'Refund approval',
    weight: 0,
    internalWeight: 3,
    types: { task: 1 },
    priority: 'normal',
    complexity: 0.25,
    escalation: 0.05,
    tags: ['internal', 'refund', 'approval'],
    text: {
      en: {
        subjects: ['Refund approval needed: {company2}', 'Goodwill credit for {company2}'],
        bodies: [
          'Customer {company2} was charged {amount} after cancelling. Sales agreed to refund, please process and confirm.',
          'Please approve a goodwill credit of {amount} for {company2} after the outage last week.',
        ],
      },
      hr: {
        subjects: ['Odobrenje povrata: {company2}'],
        bodies: ['Klijentu {company2} naplaćeno je {amount} nakon otkaza. Prodaja je odobrila povrat, molim obradu i potvrdu.'],
      },
    },
  },
  {
    key: 'internal/access-request',
    category: 'Internal',
    subcategory: 'Access request',
    weight: 0,
    internalWeight: 3,
    types: { task: 0.9, question: 0.1 },
    priority: 'low',
    complexity: 0.15,
    escalation: 0.01,
    tags: ['internal', 'access'],
    channels: { desk: 1.5 },
    text: {
      en: {
        subjects: ['Need admin console access', 'Demo account for a prospect', 'Access request'],
        bodies: [
          "I've joined Customer Success and need read access to the admin console to look up customer accounts.",
          'Could you set up a demo account with sample invoices for a prospect meeting on {date}?',
        ],
      },
      hr: {
        subjects: ['Pristup administratorskoj konzoli'],
        bodies: ['Od ovog tjedna radim u Customer Successu i trebam pristup admin konzoli za pregled korisničkih računa.'],
      },
    },
  },
];

/** Greetings and sign-offs around a customer's first message. */
export const greetings: Record<Lang, string[]> = {
  en: ['Hi,', 'Hello,', 'Hi team,', 'Hello support,', 'Dear Ledgerly support,', 'Good morning,', 'Hi there,', ''],
  hr: ['Poštovani,', 'Dobar dan,', 'Pozdrav,', 'Bok,', ''],
  ru: ['Здравствуйте!', 'Добрый день,', 'Здравствуйте, служба поддержки.', ''],
  tl: ['Hi po,', 'Good day po,', 'Hello po, Ledgerly support,', 'Magandang araw po,', ''],
};

export const signOffs: Record<Lang, string[]> = {
  en: ['Thanks,\n{first}', 'Best regards,\n{name}\n{company}', 'Cheers,\n{first}', 'Thank you!', 'Kind regards,\n{name}', 'Thanks\n\nSent from my iPhone', '{first}'],
  hr: ['Lijep pozdrav,\n{name}', 'Hvala unaprijed,\n{first}', 'S poštovanjem,\n{name}\n{company}', 'Hvala!'],
  ru: ['С уважением,\n{name}', 'Спасибо,\n{first}', 'Заранее спасибо!', 'С уважением,\n{name}\n{company}'],
  tl: ['Salamat po,\n{first}', 'Thank you po!', 'Maraming salamat,\n{name}', 'Thanks po,\n{name}\n{company}'],
};

/** How an agent opens the description of a ticket they create for a caller or a walk-in. */
export const agentIntro: Record<Lang, { phone: string; desk: string }> = {
  en: { phone: 'Customer called ({name}, {company}):', desk: 'Walk-in at the front desk ({name}):' },
  hr: { phone: 'Poziv korisnika ({name}, {company}):', desk: 'Osobni dolazak na šalter ({name}):' },
  ru: { phone: 'Звонок клиента ({name}, {company}):', desk: 'Клиент пришёл лично ({name}):' },
  tl: { phone: 'Inbound call ({name}, {company}):', desk: 'Walk-in ({name}):' },
};

export const devices = ['iPhone 13', 'iPhone 15 Pro', 'iPhone 12 mini', 'Samsung Galaxy S23', 'Samsung Galaxy A54', 'Pixel 7', 'Pixel 8a', 'Xiaomi Redmi Note 12', 'iPad Air', 'OnePlus 11'];
export const browsers = ['Chrome 130', 'Firefox 132', 'Safari 18', 'Edge 130', 'Chrome on Windows 11', 'Safari on macOS'];
export const accountingApps = ['QuickBooks Online', 'Xero', 'Sage Business Cloud', 'FreeAgent'];
export const plans = ['Business', 'Premium', 'Enterprise', 'Team'];
export const errorCodes = ['ERR_PAYMENT_502', 'PSP_TIMEOUT', 'E1043', 'DECLINED_DO_NOT_HONOR', 'BANK_AUTH_401', 'ERR_SYNC_409', 'HTTP 504', 'E2217', 'SAML_AUDIENCE'];
