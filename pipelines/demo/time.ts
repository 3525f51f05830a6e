// Time helpers for the demo generator: UTC formatting, time-zone offsets per local day, and business clocks
// (a team's open intervals as UTC instants, so "n business minutes later" is a binary search and a short walk).
import { firstIndexAbove } from './sorted.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

const TWO = Array.from({ length: 60 }, (_, i) => pad2(i));
let cachedDay = NaN;
let cachedDate = '';

/** `hh:mm:ss` and the cached `YYYY-MM-DD` of an instant (formatting ~800 000 timestamps must be cheap). */
function split(ms: number): string {
  const day = Math.floor(ms / DAY);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY).toISOString().slice(0, 10);
  }
  const secs = Math.floor((ms - day * DAY) / 1000);
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  return TWO[h]! + ':' + TWO[m]! + ':' + TWO[secs % 60]!;
}

/** `2026-03-04T09:15:00Z` */
export function isoUtc(ms: number): string {
  const clock = split(ms);
  return cachedDate + 'T' + clock + 'Z';
}

/** `2026-03-04 09:15:00`, Zendesk's export format (account time zone, here UTC). */
export function zendeskTime(ms: number): string {
  const clock = split(ms);
  return cachedDate + ' ' + clock;
}

/** `2026-03-04` for an epoch day number. */
export function dayString(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for an epoch day number. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `tz` from UTC at the instant `utcMs`, in minutes (Zagreb in summer: +120). */
export function tzOffsetMinutes(tz: string, utcMs: number): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / MINUTE);
}

/**
 * Local days of one time zone over a range of epoch days, with the UTC offset that applies during the day.
 * Clock changes happen at night (01:00–03:00 local) in every zone used here, so the offset at local noon is
 * the one of all business hours and of the waking hours in which customers write.
 */
export class Zone {
  private readonly offsets: Int16Array;

  constructor(
    readonly tz: string,
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    this.offsets = new Int16Array(lastDay - firstDay + 1);
    for (let d = firstDay; d <= lastDay; d++) this.offsets[d - firstDay] = tzOffsetMinutes(tz, d * DAY + 12 * HOUR);
  }

  offsetOn(day: number): number {
    const i = Math.min(Math.max(day - this.firstDay, 0), this.offsets.length - 1);
    return this.offsets[i]!;
  }

  /** UTC instant of local wall time `minutes` after midnight of local day `day`. */
  toUtc(day: number, minutes: number): number {
    return day * DAY + minutes * MINUTE - this.offsetOn(day) * MINUTE;
  }

  /** Local day and minute of day of a UTC instant. */
  toLocal(utcMs: number): { day: number; minutes: number } {
    const approxDay = Math.floor(utcMs / DAY);
    const local = utcMs + this.offsetOn(approxDay) * MINUTE;
    const day = Math.floor(local / DAY);
    return { day, minutes: (local - day * DAY) / MINUTE };
  }
}

export type Weekly = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;

const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A team's open time as sorted, disjoint UTC intervals. */
export class BusinessClock {
  readonly opens: Float64Array;
  readonly closes: Float64Array;

  constructor(
    readonly zone: Zone,
    weekly: Weekly,
    holidays: ReadonlySet<string>,
  ) {
    const opens: number[] = [];
    const closes: number[] = [];
    for (let d = zone.firstDay; d <= zone.lastDay; d++) {
      if (holidays.has(dayString(d))) continue;
      for (const [o, c] of weekly[weekdayKeys[weekdayOf(d)]!] ?? []) {
        opens.push(zone.toUtc(d, clockMinutes(o)));
        closes.push(zone.toUtc(d, clockMinutes(c)));
      }
    }
    this.opens = Float64Array.from(opens);
    this.closes = Float64Array.from(closes);
  }

  /** Index of the first interval that closes after t (may be past the end). */
  private indexAfter(t: number): number {
    return firstIndexAbove(this.closes, t);
  }

  isOpen(t: number): boolean {
    const i = this.indexAfter(t);
    return i < this.opens.length && this.opens[i]! <= t;
  }

  /** t itself when open, else the next opening. */
  nextOpen(t: number): number {
    const i = this.indexAfter(t);
    if (i >= this.opens.length) return t;
    return Math.max(t, this.opens[i]!);
  }

  /** The instant after `minutes` of open time, counted from t. */
  add(t: number, minutes: number): number {
    let i = this.indexAfter(t);
    if (i >= this.opens.length) return t + minutes * MINUTE;
    let cur = Math.max(t, this.opens[i]!);
    let remaining = minutes * MINUTE;
    for (;;) {
      const available = this.closes[i]! - cur;
      if (remaining <= available) return cur + remaining;
      remaining -= available;
      i++;
      if (i >= this.opens.length) return cur + remaining;
      cur = this.opens[i]!;
    }
  }

  /** Open minutes between a and b. */
  minutesBetween(a: number, b: number): number {
    if (b <= a) return 0;
    let total = 0;
    for (let i = this.indexAfter(a); i < this.opens.length && this.opens[i]! < b; i++) {
      total += Math.min(b, this.closes[i]!) - Math.max(a, this.opens[i]!);
    }
    return total / MINUTE;
  }

  /** Open intervals that start on local day `day` (UTC instants). */
  intervalsOn(day: number): [number, number][] {
    const from = this.zone.toUtc(day, 0);
    const to = this.zone.toUtc(day + 1, 0);
    const out: [number, number][] = [];
    for (let i = this.indexAfter(from); i < this.opens.length && this.opens[i]! < to; i++) out.push([this.opens[i]!, this.closes[i]!]);
    return out;
  }
}
