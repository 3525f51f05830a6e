// What customers quote about a problem whatever language they write in: the error code on the screen, the product
// or module it is in, the app version. Real tickets about one problem share these across languages ("BankSync javlja
// BANK_AUTH_401", "BankSync: ошибка BANK_AUTH_401"), so each recurring problem has its own few, and a ticket quotes
// one of them in the subject or the message (texts.ts). Keyed by `Issue.key` (vocabulary.ts); a problem without an
// entry (the how-to questions, a bag of unrelated questions) quotes nothing.
import type { Lang } from './vocabulary.ts';

export interface ProblemQuotes {
  /** Codes shown on screen or in a log: letters and digits, so a text pipeline keeps them whole. */
  codes: string[];
  /** The product, module or screen the problem is in, as the company spells it. */
  products: string[];
}

export const problemQuotes: Record<string, ProblemQuotes> = {
  'account/password-reset': { codes: ['RST-404', 'RST-410'], products: ['LedgerlyID'] },
  'account/two-factor': { codes: ['MFA-401', 'MFA-419'], products: ['LedgerlyID'] },
  'account/locked': { codes: ['LCK-423'], products: ['LedgerlyID'] },
  'account/owner-change': { codes: ['OWN-403'], products: ['AdminCenter'] },
  'account/data-deletion': { codes: ['GDPR-17'], products: ['PrivacyCenter'] },
  'billing/double-charge': { codes: ['BIL-209', 'BIL-210'], products: ['BillingHub'] },
  'billing/refund': { codes: ['RFD-300'], products: ['RefundDesk'] },
  'billing/invoice-vat': { codes: ['VAT-422'], products: ['TaxEngine'] },
  'subscription/plan-change': { codes: ['PLN-402'], products: ['PlanManager'] },
  'subscription/cancellation': { codes: ['SUB-410'], products: ['PlanManager'] },
  'payments/card-declined': { codes: ['DECLINED_DO_NOT_HONOR', 'PAY-051'], products: ['PayLink'] },
  'payments/provider-outage': { codes: ['ERR_PAYMENT_502', 'PSP-504'], products: ['PayLink'] },
  'payments/payout-delay': { codes: ['PYT-207'], products: ['Payouts'] },
  'banking/bank-sync': { codes: ['BANK_AUTH_401', 'BSY-409'], products: ['BankSync'] },
  'mobile-app/crash-on-login': { codes: ['v5.2.0', 'v5.2.0', 'v5.2.1'], products: ['LedgerlyGo'] },
  'mobile-app/sync': { codes: ['ERR_SYNC_409'], products: ['LedgerlyGo'] },
  'mobile-app/notifications': { codes: ['APNS-410', 'FCM-404'], products: ['LedgerlyGo'] },
  'web-app/performance': { codes: ['HTTP-504'], products: ['Dashboard'] },
  'web-app/export': { codes: ['E2217'], products: ['ExportCenter'] },
  'invoices/pdf-layout': { codes: ['PDF-117'], products: ['InvoiceStudio'] },
  'invoices/recurring': { codes: ['REC-318'], products: ['AutoInvoice'] },
  'invoices/email-delivery': { codes: ['SMTP-550'], products: ['MailOut'] },
  'invoices/currency': { codes: ['FX-112'], products: ['InvoiceStudio'] },
  'integrations/api-rate-limit': { codes: ['HTTP-429'], products: ['LedgerlyAPI'] },
  'integrations/webhooks': { codes: ['WH-500'], products: ['LedgerlyAPI'] },
  'integrations/sso': { codes: ['SAML_AUDIENCE', 'SAML-403'], products: ['LedgerlyID'] },
  'integrations/accounting-sync': { codes: ['ACC-409'], products: ['SyncBridge'] },
  'data/import': { codes: ['IMP-422'], products: ['Importer'] },
  'data/missing-records': { codes: ['E1043'], products: ['Dashboard'] },
  'users/permissions': { codes: ['PERM-403'], products: ['AdminCenter'] },
  'internal/report-request': { codes: ['RPT-100'], products: ['Looker'] },
  'internal/refund-approval': { codes: ['RFA-200'], products: ['BillingHub'] },
  'internal/access-request': { codes: ['ACL-300'], products: ['AdminCenter'] },
};

/** How a customer quotes a code in each language: in the subject after a dash, or as a sentence of the message. */
export const quoteLines: Record<Lang, string[]> = {
  en: ['{product} shows {code}.', 'Error {code} in {product}.', '{product}: {code}.'],
  hr: ['{product} javlja {code}.', 'Greška {code} u {product}.', '{product}: {code}.'],
  ru: ['{product} выдаёт {code}.', 'Ошибка {code} в {product}.', '{product}: {code}.'],
  tl: ['Lumalabas po sa {product} yung {code}.', 'May error {code} sa {product}.', '{product}: {code}.'],
};
