// A wall-clock time of a zone as an ISO 8601 instant with its offset, by the platform's Intl data:
// the test's own conversion, independent of DuckDB's. Ambiguous or skipped wall times (the DST hours)
// are refused, so a test never silently compares differently resolved instants.
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const formats = new Map<string, Intl.DateTimeFormat>();
const formatFor = (zone: string) =>
  formats.get(zone) ??
  formats.set(zone, new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })).get(zone)!;

function offsetMinutesAt(instant: number, zone: string): number {
  const parts = Object.fromEntries(
    formatFor(zone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** `wall` as year, month (1-12), day, hour, minute, second, millisecond → "2012-10-09T14:50:17.000+02:00". */
export function zonedIso(wall: number[], zone: string): string {
  const [y, mo, d, h, mi, s, ms] = wall as [number, number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const fits = [...new Set([offsetMinutesAt(asUtc - 3_600_000, zone), offsetMinutesAt(asUtc + 3_600_000, zone), offsetMinutesAt(asUtc, zone)])]
    .filter((offset) => offsetMinutesAt(asUtc - offset * 60_000, zone) === offset);
  if (fits.length !== 1) throw new Error(`${wall.join(' ')} is ${fits.length ? 'ambiguous' : 'skipped'} in ${zone}`);
  const offset = fits[0]!;
  const sign = offset < 0 ? '-' : '+';
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
