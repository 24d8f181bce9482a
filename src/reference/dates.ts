// .NET writes DateTime values with 100 ns ticks (seven fraction digits, trailing zeros
// trimmed) and the server clock's UTC offset; DataContractJsonSerializer writes the
// "/Date(ms±hhmm)/" form instead. The provider keeps instants as fractional epoch
// milliseconds so the sub-millisecond digits a real server shows exist here too.

/** `offset`: what Json.NET and DataContractSerializer write for a local time; the others are faults. */
export type DateForm = 'offset' | 'unspecified' | 'ms-ajax';

/** Epoch milliseconds with a sub-millisecond fraction. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export function formatNetDate(epochMs: number, utcOffsetMinutes: number, form: DateForm = 'offset'): string {
  const wholeMs = Math.floor(epochMs);
  const offset = formatOffset(utcOffsetMinutes);
  if (form === 'ms-ajax') return `/Date(${wholeMs}${offset.replace(':', '')})/`;
  const local = new Date(wholeMs + utcOffsetMinutes * 60_000);
  const subMsTicks = Math.min(9_999, Math.round((epochMs - wholeMs) * 10_000));
  const ticks = String(local.getUTCMilliseconds() * 10_000 + subMsTicks).padStart(7, '0').replace(/0+$/, '');
  const text =
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
    `T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
    (ticks ? `.${ticks}` : '');
  return form === 'unspecified' ? text : `${text}${offset}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
