// Public holidays by rule (fixed dates, Easter-based, nth weekday, weekend substitutes) for the countries the
// demo teams work in. Movable Islamic and Chinese-calendar holidays (the Philippines has some) are left out.
import { DAY, dayString, weekdayOf } from './time.ts';

export type Country = 'HR' | 'GB' | 'US' | 'PH' | 'LV' | 'DE';

export interface Holiday {
  day: string;
  name: string;
}

const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY);

/** Western Easter Sunday (anonymous Gregorian algorithm) as an epoch day. */
export function easter(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

/** The n-th given weekday (0 = Sunday) of a month; n = -1 for the last. */
function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = dayOf(y, m, 1);
    return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayOf(y, m + 1, 1) - 1;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** US federal rule: Saturday → Friday before, Sunday → Monday after. */
const usObserved = (d: number) => (weekdayOf(d) === 6 ? d - 1 : weekdayOf(d) === 0 ? d + 1 : d);
/** Next Monday when on a weekend. */
const mondayIfWeekend = (d: number) => (weekdayOf(d) === 6 ? d + 2 : weekdayOf(d) === 0 ? d + 1 : d);

function rules(country: Country, y: number): [number, string][] {
  const e = easter(y);
  switch (country) {
    case 'HR':
      return [
        [dayOf(y, 1, 1), 'Nova godina'],
        [dayOf(y, 1, 6), 'Bogojavljenje ili Sveta tri kralja'],
        [e, 'Uskrs'],
        [e + 1, 'Uskrsni ponedjeljak'],
        [dayOf(y, 5, 1), 'Praznik rada'],
        [dayOf(y, 5, 30), 'Dan državnosti'],
        [e + 60, 'Tijelovo'],
        [dayOf(y, 6, 22), 'Dan antifašističke borbe'],
        [dayOf(y, 8, 5), 'Dan pobjede i domovinske zahvalnosti'],
        [dayOf(y, 8, 15), 'Velika Gospa'],
        [dayOf(y, 11, 1), 'Svi sveti'],
        [dayOf(y, 11, 18), 'Dan sjećanja na žrtve Domovinskog rata'],
        [dayOf(y, 12, 25), 'Božić'],
        [dayOf(y, 12, 26), 'Sveti Stjepan'],
      ];
    case 'GB': {
      // England and Wales bank holidays, with substitute days for Christmas and Boxing Day on a weekend.
      const xmas = dayOf(y, 12, 25);
      const boxing = xmas + 1;
      let xmasObs = xmas;
      let boxingObs = boxing;
      if (weekdayOf(xmas) === 6) [xmasObs, boxingObs] = [xmas + 2, xmas + 3];
      else if (weekdayOf(xmas) === 0) [xmasObs, boxingObs] = [xmas + 2, boxing];
      else if (weekdayOf(boxing) === 6) boxingObs = boxing + 2;
      return [
        [mondayIfWeekend(dayOf(y, 1, 1)), "New Year's Day"],
        [e - 2, 'Good Friday'],
        [e + 1, 'Easter Monday'],
        [nthWeekday(y, 5, 1, 1), 'Early May bank holiday'],
        [nthWeekday(y, 5, 1, -1), 'Spring bank holiday'],
        [nthWeekday(y, 8, 1, -1), 'Summer bank holiday'],
        [xmasObs, xmasObs === xmas ? 'Christmas Day' : 'Christmas Day (substitute day)'],
        [boxingObs, boxingObs === boxing ? 'Boxing Day' : 'Boxing Day (substitute day)'],
      ];
    }
    case 'US':
      // Federal holidays the company observes (not Columbus Day or Veterans Day), plus the day after Thanksgiving.
      return [
        [usObserved(dayOf(y, 1, 1)), "New Year's Day"],
        [nthWeekday(y, 1, 1, 3), 'Martin Luther King Jr. Day'],
        [nthWeekday(y, 2, 1, 3), "Washington's Birthday"],
        [nthWeekday(y, 5, 1, -1), 'Memorial Day'],
        [usObserved(dayOf(y, 6, 19)), 'Juneteenth National Independence Day'],
        [usObserved(dayOf(y, 7, 4)), 'Independence Day'],
        [nthWeekday(y, 9, 1, 1), 'Labor Day'],
        [nthWeekday(y, 11, 4, 4), 'Thanksgiving Day'],
        [nthWeekday(y, 11, 4, 4) + 1, 'Day after Thanksgiving'],
        [usObserved(dayOf(y, 12, 25)), 'Christmas Day'],
      ];
    case 'PH':
      return [
        [dayOf(y, 1, 1), "New Year's Day"],
        [e - 3, 'Maundy Thursday'],
        [e - 2, 'Good Friday'],
        [e - 1, 'Black Saturday'],
        [dayOf(y, 4, 9), 'Araw ng Kagitingan'],
        [dayOf(y, 5, 1), 'Labor Day'],
        [dayOf(y, 6, 12), 'Independence Day'],
        [dayOf(y, 8, 21), 'Ninoy Aquino Day'],
        [nthWeekday(y, 8, 1, -1), 'National Heroes Day'],
        [dayOf(y, 11, 1), "All Saints' Day"],
        [dayOf(y, 11, 30), 'Bonifacio Day'],
        [dayOf(y, 12, 8), 'Feast of the Immaculate Conception of Mary'],
        [dayOf(y, 12, 24), 'Christmas Eve'],
        [dayOf(y, 12, 25), 'Christmas Day'],
        [dayOf(y, 12, 30), 'Rizal Day'],
        [dayOf(y, 12, 31), 'Last Day of the Year'],
      ];
    case 'LV':
      return [
        [dayOf(y, 1, 1), 'Jaunais gads'],
        [e - 2, 'Lielā Piektdiena'],
        [e + 1, 'Otrās Lieldienas'],
        [dayOf(y, 5, 1), 'Darba svētki'],
        [mondayIfWeekend(dayOf(y, 5, 4)), 'Latvijas Republikas Neatkarības atjaunošanas diena'],
        [dayOf(y, 6, 23), 'Līgo diena'],
        [dayOf(y, 6, 24), 'Jāņi'],
        [mondayIfWeekend(dayOf(y, 11, 18)), 'Latvijas Republikas proklamēšanas diena'],
        [dayOf(y, 12, 24), 'Ziemassvētku vakars'],
        [dayOf(y, 12, 25), 'Pirmie Ziemassvētki'],
        [dayOf(y, 12, 26), 'Otrie Ziemassvētki'],
        [dayOf(y, 12, 31), 'Vecgada vakars'],
      ];
    case 'DE':
      // Nationwide holidays plus Berlin's International Women's Day.
      return [
        [dayOf(y, 1, 1), 'Neujahr'],
        [dayOf(y, 3, 8), 'Internationaler Frauentag'],
        [e - 2, 'Karfreitag'],
        [e + 1, 'Ostermontag'],
        [dayOf(y, 5, 1), 'Tag der Arbeit'],
        [e + 39, 'Christi Himmelfahrt'],
        [e + 50, 'Pfingstmontag'],
        [dayOf(y, 10, 3), 'Tag der Deutschen Einheit'],
        [dayOf(y, 12, 25), '1. Weihnachtstag'],
        [dayOf(y, 12, 26), '2. Weihnachtstag'],
      ];
  }
}

/** Holidays of `country` falling on epoch days [fromDay, toDay], one per day, in date order. */
export function holidaysBetween(country: Country, fromDay: number, toDay: number): Holiday[] {
  const firstYear = new Date(fromDay * DAY).getUTCFullYear();
  const lastYear = new Date(toDay * DAY).getUTCFullYear();
  const byDay = new Map<number, string>();
  for (let y = firstYear; y <= lastYear; y++) {
    for (const [d, name] of rules(country, y)) {
      if (d < fromDay || d > toDay) continue;
      const existing = byDay.get(d);
      byDay.set(d, existing ? `${existing} / ${name}` : name);
    }
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([d, name]) => ({ day: dayString(d), name }));
}
