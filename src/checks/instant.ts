// Reads the instant a token response's date names, in every form servers write: .NET ISO (up
// to 7 fractional digits, an offset, Z, or none for an unspecified kind), DataContractJson's
// "/Date(ms±hhmm)/" and OWIN's RFC 1123. Whether the form is right is dates.format's question;
// the semantic checks only need the instant, and whether it is absolute (carries a zone).

export interface Instant {
  /** Milliseconds since the epoch; for an unspecified kind, the wall time read as UTC. */
  ms: number;
  /** False for a date without offset: comparable with another such date, not with a clock. */
  absolute: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|([+-])(\d{2}):(\d{2}))?$/;
const MS_AJAX = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

export function readInstant(value: unknown): Instant | undefined {
  if (typeof value !== 'string') return undefined;
  const iso = ISO.exec(value);
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    const fraction = iso[7] ? Number(`0.${iso[7]}`) * 1000 : 0;
    const [zone, sign, offsetHours, offsetMins] = iso.slice(8);
    const offsetMinutes = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMins)) : 0;
    return { ms: Date.UTC(y, mo - 1, d, h, mi, s) + fraction - offsetMinutes * 60_000, absolute: zone !== undefined };
  }
  const ajax = MS_AJAX.exec(value);
  if (ajax) return { ms: Number(ajax[1]), absolute: true };
  const parsed = /GMT$/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : { ms: parsed, absolute: true };
}
