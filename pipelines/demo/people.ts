// Names for the demo: the agent roster (fixed, unique names), customers' first and last names per region,
// company-name parts per region, and internal departments.
import type { Country } from './holidays.ts';
import type { Lang } from './vocabulary.ts';
import type { Weekly } from './time.ts';

export type Segment = 'hr' | 'ru' | 'ph' | 'uk' | 'us';

export interface TeamSpec {
  team_id: string;
  name: string;
  time_zone: string;
  country: Country;
  provider_kind: 'in_house' | 'outsourced' | 'independent';
  provider_name: string | null;
  support_level: number;
  is_escalation_team: boolean;
  weekly: Weekly;
  /** Median first reply to an e-mail, in business minutes, for a normal-priority ticket. */
  firstReplyMedian: number;
  emailDomain: string;
  /** [first name, last name, support level]; the first one is the team lead. */
  roster: [string, string, number][];
}

const weekdays = (open: string, close: string): Weekly => ({
  mon: [[open, close]], tue: [[open, close]], wed: [[open, close]], thu: [[open, close]], fri: [[open, close]],
});

export const teamSpecs: TeamSpec[] = [
  {
    team_id: 'zagreb',
    name: 'Zagreb Support',
    time_zone: 'Europe/Zagreb',
    country: 'HR',
    provider_kind: 'in_house',
    provider_name: null,
    support_level: 1,
    is_escalation_team: false,
    weekly: weekdays('08:00', '17:00'),
    firstReplyMedian: 70,
    emailDomain: 'ledgerly.io',
    roster: [
      ['Ana', 'Kovač', 2], ['Ivan', 'Horvat', 1], ['Marija', 'Babić', 1], ['Luka', 'Marić', 2], ['Petra', 'Jurić', 1],
      ['Josip', 'Novak', 1], ['Ivana', 'Knežević', 1], ['Tomislav', 'Vuković', 2], ['Maja', 'Marković', 1],
      ['Filip', 'Kovačević', 1], ['Katarina', 'Perić', 1],
    ],
  },
  {
    team_id: 'london',
    name: 'London Support',
    time_zone: 'Europe/London',
    country: 'GB',
    provider_kind: 'in_house',
    provider_name: null,
    support_level: 1,
    is_escalation_team: false,
    weekly: weekdays('08:00', '18:00'),
    firstReplyMedian: 95,
    emailDomain: 'ledgerly.io',
    roster: [
      ['Oliver', 'Bennett', 2], ['Amelia', 'Hughes', 1], ['Harry', 'Collins', 1], ['Priya', 'Sharma', 1], ['Mohammed', 'Iqbal', 1],
      ['Sophie', 'Turner', 1], ['George', 'Ellis', 2], ['Chloe', 'Watson', 1], ['Daniel', 'Okafor', 1], ['Lucy', 'Fletcher', 1],
      ['James', 'Whitaker', 1],
    ],
  },
  {
    team_id: 'new_york',
    name: 'New York Support',
    time_zone: 'America/New_York',
    country: 'US',
    provider_kind: 'in_house',
    provider_name: null,
    support_level: 1,
    is_escalation_team: false,
    weekly: weekdays('08:00', '19:00'),
    firstReplyMedian: 115,
    emailDomain: 'ledgerly.io',
    roster: [
      ['Emily', 'Carter', 2], ['Michael', 'Russo', 1], ['Jessica', 'Nguyen', 1], ['Christopher', 'Brooks', 1], ['Ashley', 'Rivera', 1],
      ['Matthew', 'Sullivan', 2], ['Sarah', 'Goldberg', 1], ['Brandon', 'Hayes', 1], ['Nicole', 'Foster', 1],
      ['Kevin', "O'Brien", 1], ['Jasmine', 'Powell', 1],
    ],
  },
  {
    team_id: 'manila',
    name: 'Manila Contact Partners',
    time_zone: 'Asia/Manila',
    country: 'PH',
    provider_kind: 'outsourced',
    provider_name: 'Manila Contact Partners',
    support_level: 1,
    is_escalation_team: false,
    weekly: {
      mon: [['06:00', '23:00']], tue: [['06:00', '23:00']], wed: [['06:00', '23:00']], thu: [['06:00', '23:00']],
      fri: [['06:00', '23:00']], sat: [['08:00', '20:00']],
    },
    firstReplyMedian: 45,
    emailDomain: 'manilacontact.ph',
    roster: [
      ['Maria Angelica', 'Santos', 2], ['Jose Miguel', 'Reyes', 1], ['Kristine', 'Bautista', 1], ['Mark Anthony', 'Villanueva', 1],
      ['Camille', 'Mendoza', 1], ['Rodel', 'Ocampo', 1], ['Mary Grace', 'Dela Cruz', 1], ['John Paul', 'Navarro', 1],
      ['Princess', 'Aquino', 1], ['Jericho', 'Salazar', 1], ['Rowena', 'Pascual', 1], ['Carlo', 'Domingo', 2],
      ['Liza', 'Mercado', 1], ['Arnel', 'Castillo', 1],
    ],
  },
  {
    team_id: 'riga_contractors',
    name: 'Riga Contractors',
    time_zone: 'Europe/Riga',
    country: 'LV',
    provider_kind: 'independent',
    provider_name: 'Independent contractors',
    support_level: 1,
    is_escalation_team: false,
    weekly: { ...weekdays('09:00', '18:00'), sat: [['10:00', '14:00']] },
    firstReplyMedian: 150,
    emailDomain: 'contractors.ledgerly.io',
    roster: [['Jānis', 'Bērziņš', 2], ['Olga', 'Ivanova', 1], ['Dmitrijs', 'Petrovs', 1], ['Anna', 'Kuzņecova', 1], ['Sergejs', 'Smirnovs', 1]],
  },
  {
    team_id: 'escalations',
    name: 'Technical Escalations (L2/L3)',
    time_zone: 'Europe/Berlin',
    country: 'DE',
    provider_kind: 'in_house',
    provider_name: null,
    support_level: 2,
    is_escalation_team: true,
    weekly: weekdays('09:00', '18:00'),
    firstReplyMedian: 240,
    emailDomain: 'ledgerly.io',
    roster: [
      ['Lukas', 'Müller', 3], ['Sophie', 'Schneider', 2], ['Jonas', 'Fischer', 2], ['Lena', 'Weber', 3],
      ['Felix', 'Wagner', 2], ['Hannah', 'Becker', 2], ['Tobias', 'Schulz', 3], ['Miriam', 'Hoffmann', 2],
    ],
  },
];

export const bot = { agent_id: 'B001', name: 'Ledgerly Answer Bot', team_id: 'london' };

export const managers: [string, string, string][] = [
  ['helena.matic', 'Helena Matić', 'zagreb'],
  ['richard.dunn', 'Richard Dunn', 'london'],
];

/** ASCII user id from a name: "Mary Grace", "Dela Cruz" → mary.delacruz. */
export function userIdOf(first: string, last: string): string {
  const fold = (s: string) =>
    s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z]/g, '');
  return `${fold(first.split(' ')[0]!)}.${fold(last)}`;
}

export interface SegmentSpec {
  segment: Segment;
  share: number;
  homeTeam: string;
  /** Language written when not English, and how often. */
  lang: Lang;
  ownLanguage: number;
  country: Country;
  tld: string;
  currency: string;
}

export const segments: SegmentSpec[] = [
  { segment: 'us', share: 0.35, homeTeam: 'new_york', lang: 'en', ownLanguage: 0, country: 'US', tld: 'com', currency: 'USD' },
  { segment: 'uk', share: 0.25, homeTeam: 'london', lang: 'en', ownLanguage: 0, country: 'GB', tld: 'co.uk', currency: 'GBP' },
  { segment: 'hr', share: 0.17, homeTeam: 'zagreb', lang: 'hr', ownLanguage: 0.75, country: 'HR', tld: 'hr', currency: 'EUR' },
  { segment: 'ph', share: 0.13, homeTeam: 'manila', lang: 'tl', ownLanguage: 0.4, country: 'PH', tld: 'ph', currency: 'PHP' },
  { segment: 'ru', share: 0.1, homeTeam: 'riga_contractors', lang: 'ru', ownLanguage: 0.7, country: 'LV', tld: 'lv', currency: 'EUR' },
];

/** [female first names, male first names, surnames (or [male, female] pairs)]. */
export const names: Record<Segment, { female: string[]; male: string[]; last: (string | [string, string])[] }> = {
  hr: {
    female: ['Ana', 'Marija', 'Ivana', 'Petra', 'Maja', 'Katarina', 'Lucija', 'Mia', 'Nikolina', 'Sanja', 'Martina', 'Tena', 'Iva', 'Lana', 'Dora', 'Vesna', 'Jelena', 'Kristina', 'Antonija', 'Mateja'],
    male: ['Ivan', 'Luka', 'Josip', 'Tomislav', 'Marko', 'Filip', 'Matej', 'Ante', 'Dario', 'Krešimir', 'Davor', 'Goran', 'Hrvoje', 'Stjepan', 'Mario', 'Zoran', 'Nikola', 'Domagoj', 'Igor', 'Vedran'],
    last: ['Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Novak', 'Kovačić', 'Knežević', 'Vuković', 'Marković', 'Petrović', 'Matić', 'Tomić', 'Pavlović', 'Božić', 'Blažević', 'Grgić', 'Pavić', 'Radić', 'Perić', 'Šarić', 'Lovrić', 'Vidović', 'Perković', 'Popović', 'Bošnjak', 'Jukić', 'Barišić', 'Đurić', 'Čačić'],
  },
  ru: {
    female: ['Olga', 'Natalia', 'Elena', 'Irina', 'Tatiana', 'Svetlana', 'Yulia', 'Anna', 'Ekaterina', 'Maria', 'Ольга', 'Наталья', 'Елена', 'Ирина', 'Татьяна'],
    male: ['Aleksandr', 'Dmitry', 'Sergey', 'Andrey', 'Mikhail', 'Alexey', 'Igor', 'Pavel', 'Vladimir', 'Nikolai', 'Александр', 'Дмитрий', 'Сергей', 'Андрей', 'Михаил'],
    last: [
      ['Ivanov', 'Ivanova'], ['Smirnov', 'Smirnova'], ['Kuznetsov', 'Kuznetsova'], ['Popov', 'Popova'], ['Volkov', 'Volkova'],
      ['Sokolov', 'Sokolova'], ['Lebedev', 'Lebedeva'], ['Kozlov', 'Kozlova'], ['Novikov', 'Novikova'], ['Morozov', 'Morozova'],
      ['Fedorov', 'Fedorova'], ['Orlov', 'Orlova'], ['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'],
      ['Попов', 'Попова'], ['Волков', 'Волкова'], ['Соколов', 'Соколова'], ['Лебедев', 'Лебедева'], ['Морозов', 'Морозова'],
    ],
  },
  ph: {
    female: ['Maria', 'Angelica', 'Kristine', 'Camille', 'Mary Grace', 'Joy', 'Liza', 'Princess', 'Rowena', 'Grace', 'Jennifer', 'Sheila', 'Marites', 'Lorna', 'Janine'],
    male: ['Jose', 'Mark', 'John Paul', 'Rodel', 'Jericho', 'Ramon', 'Arnel', 'Carlo', 'Jomar', 'Michael', 'Reynaldo', 'Noel', 'Aldrin', 'Jayson', 'Ronald'],
    last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Villanueva', 'Ramos', 'Aquino', 'Castillo', 'Dela Cruz', 'Gonzales', 'Flores', 'Navarro', 'Domingo', 'Salazar', 'Mercado', 'Pascual', 'Lim', 'Tan', 'Manalo', 'Soriano', 'Galang'],
  },
  uk: {
    female: ['Amelia', 'Olivia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Chloe', 'Priya', 'Aisha', 'Hannah', 'Lucy', 'Eleanor', 'Charlotte', 'Freya', 'Rebecca', 'Zoe', 'Megan', 'Fatima', 'Niamh'],
    male: ['Oliver', 'Harry', 'George', 'Jack', 'Charlie', 'Thomas', 'James', 'William', 'Mohammed', 'Daniel', 'Samuel', 'Ben', 'Alfie', 'Joshua', 'Callum', 'Rhys', 'Owen', 'Arjun', 'Liam', 'Matthew'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Hughes', 'Edwards', 'Turner', 'Morgan', 'Campbell', 'Murphy', 'Price', 'Shaw'],
  },
  us: {
    female: ['Emily', 'Jessica', 'Ashley', 'Sarah', 'Jennifer', 'Amanda', 'Stephanie', 'Nicole', 'Maria', 'Jasmine', 'Brittany', 'Megan', 'Lauren', 'Rachel', 'Samantha', 'Danielle', 'Kayla', 'Vanessa', 'Alicia', 'Tiffany'],
    male: ['Michael', 'Christopher', 'Matthew', 'Joshua', 'David', 'Andrew', 'Ryan', 'Carlos', 'Luis', 'Tyler', 'Kevin', 'Brandon', 'Justin', 'Eric', 'Anthony', 'Jason', 'Marcus', 'Derek', 'Jorge', 'Trevor'],
    last: ['Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Anderson', 'Thomas', 'Moore', 'Martin', 'Lee', 'Thompson', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'Allen', 'King', 'Scott', 'Nguyen', 'Kim', 'Patel', 'Cohen', 'Baker', 'Ramirez'],
  },
};

/** Company-name parts per region: [words, kinds, legal suffixes]. */
export const companyParts: Record<Segment, { words: string[]; kinds: string[]; suffixes: string[] }> = {
  hr: {
    words: ['Jadran', 'Dalmacija', 'Kvarner', 'Istra', 'Zagorje', 'Velebit', 'Slavonija', 'Marjan', 'Učka', 'Biokovo', 'Sava', 'Drava', 'Mosor', 'Lika', 'Plitvice', 'Korana', 'Pelješac', 'Medvednica'],
    kinds: ['Logistika', 'Tours', 'Vina', 'Građevina', 'Trgovina', 'Dizajn', 'Savjetovanje', 'Elektro', 'Pekarnica', 'Software', 'Ugostiteljstvo', 'Transport', 'Dental', 'Nekretnine'],
    suffixes: ['d.o.o.', 'd.o.o.', 'd.o.o.', 'j.d.o.o.', 'd.d.', 'obrt'],
  },
  ru: {
    words: ['Baltic', 'Nord', 'Daugava', 'Amber', 'Vostok', 'Riga', 'Jurmala', 'Gauja', 'Neva', 'Vega', 'Sever', 'Kurzeme', 'Volga', 'Polaris'],
    kinds: ['Trade', 'Logistics', 'Textile', 'Foods', 'IT Solutions', 'Consulting', 'Auto', 'Print', 'Furniture', 'Travel'],
    suffixes: ['SIA', 'SIA', 'OÜ', 'UAB'],
  },
  ph: {
    words: ['Bayanihan', 'Mabuhay', 'Tala', 'Luzon', 'Visayas', 'Bicol', 'Sampaguita', 'Isla', 'Tagaytay', 'Pasig', 'Cebu', 'Davao', 'Makati', 'Ilog'],
    kinds: ['Foods', 'Travel', 'Trading', 'Builders', 'Printing', 'Logistics', 'Bakeshop', 'Digital', 'Garments', 'Pharmacy'],
    suffixes: ['Inc.', 'Corp.', 'Enterprises', 'OPC'],
  },
  uk: {
    words: ['Northwind', 'Bramble', 'Thames', 'Pennine', 'Harbour', 'Oakfield', 'Kestrel', 'Whitby', 'Ashdown', 'Greystone', 'Meadow', 'Fenwick', 'Cotswold', 'Blackwater', 'Saltmarsh', 'Ravenscroft'],
    kinds: ['Consulting', 'Logistics', 'Design', 'Trading', 'Studios', 'Dental', 'Lettings', 'Electrical', 'Bakery', 'Joinery', 'Accountants', 'Media', 'Gardens', 'Engineering'],
    suffixes: ['Ltd', 'Ltd', 'Ltd', 'LLP', '& Co'],
  },
  us: {
    words: ['Summit', 'Redwood', 'Liberty', 'Granite', 'Blue Ridge', 'Lakeside', 'Cedar', 'Ironwood', 'Sunset', 'Maple', 'Harbor', 'Pioneer', 'Evergreen', 'Golden Gate', 'Prairie', 'Riverbend', 'Sierra', 'Keystone'],
    kinds: ['Consulting', 'Logistics', 'Design', 'Plumbing', 'Dental', 'Realty', 'Landscaping', 'Media', 'Roofing', 'Coffee', 'Fitness', 'Tech', 'Auto Repair', 'Catering'],
    suffixes: ['LLC', 'LLC', 'Inc.', 'Co.', 'Group'],
  },
};

export const freeMailDomains: Record<Segment, string[]> = {
  hr: ['gmail.com', 't-com.hr', 'net.hr'],
  ru: ['gmail.com', 'inbox.lv', 'mail.ru', 'yandex.ru'],
  ph: ['gmail.com', 'yahoo.com.ph'],
  uk: ['gmail.com', 'outlook.com', 'btinternet.com'],
  us: ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'],
};

export const departments = ['Finance', 'Sales', 'Marketing', 'Customer Success', 'Human Resources', 'Legal', 'Operations', 'Product'];

export const banks: Record<Segment, string[]> = {
  hr: ['Zagrebačka banka', 'PBZ', 'Erste banka', 'OTP banka', 'RBA'],
  ru: ['Swedbank', 'SEB', 'Citadele', 'Luminor'],
  ph: ['BDO', 'BPI', 'Metrobank', 'UnionBank'],
  uk: ['Barclays', 'HSBC', 'Lloyds', 'NatWest', 'Monzo Business', 'Starling'],
  us: ['Chase', 'Bank of America', 'Wells Fargo', 'Citi', 'Mercury'],
};
