// Bytes and text on the wire: a request body is written in the charset its Content-Type names
// (a probe may name another on purpose), and a response body is read in the charset its
// Content-Type names (else the one its byte order mark shows, else utf-8), the mark dropped. Bytes
// that do not decode in that charset are recorded as such (body.charset reports them) and read
// with replacement characters, so the other checks still see what text there is.

/** Node's encoders for the charsets a request body is written in; anything else goes as UTF-8. */
const ENCODERS: Record<string, (text: string) => Buffer> = {
  'utf-8': (text) => Buffer.from(text, 'utf8'),
  'utf-16': (text) => Buffer.from(text, 'utf16le'),
  'utf-16le': (text) => Buffer.from(text, 'utf16le'),
  'utf-16be': (text) => Buffer.from(text, 'utf16le').swap16(),
  'iso-8859-1': (text) => Buffer.from(text, 'latin1'),
};

const BOMS: { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

export interface DecodedBody {
  text: string;
  /** The charset the body was read in (lower case), e.g. `utf-8`, `utf-16`. */
  charset: string;
  /** Why the bytes are not valid text in that charset; absent when they are. */
  undecodable?: string;
}

/** The charset parameter of a Content-Type, lower case and unquoted; undefined when there is none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

export function encodeText(text: string, charset: string | undefined): Buffer {
  return (ENCODERS[charset ?? 'utf-8'] ?? ENCODERS['utf-8']!)(text);
}

/** With no charset declared, a byte order mark says which Unicode encoding the body is in (RFC 7303 §3.2, WHATWG Encoding). */
export function decodeBody(bytes: Buffer, contentType: string | undefined): DecodedBody {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  const charset = charsetOf(contentType) ?? bom?.encoding ?? 'utf-8';
  let encoding = charset;
  let undecodable: string | undefined;
  if (charset === 'utf-16' && bom?.encoding === 'utf-16be') encoding = 'utf-16be';
  if (bom && !sameEncoding(bom.encoding, encoding)) undecodable = `a ${bom.encoding.toUpperCase()} byte order mark on a body labelled charset=${charset}`;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return { text: lenient('utf-8', bytes), charset, undecodable: `charset=${charset} is no charset this client knows (read as utf-8)` };
  }
  try {
    return { text: decoder.decode(bytes), charset, ...(undecodable ? { undecodable } : {}) };
  } catch {
    return { text: lenient(encoding, bytes), charset, undecodable: undecodable ?? `bytes that are not valid ${charset}${firstBadByte(bytes, encoding)}` };
  }
}

function sameEncoding(bom: string, declared: string): boolean {
  return bom === declared || (declared === 'utf-16' && bom.startsWith('utf-16')) || (bom === 'utf-8' && declared === 'utf8');
}

function lenient(encoding: string, bytes: Buffer): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** Where decoding first fails, for the evidence: the offset and the bytes there (never a whole token). */
function firstBadByte(bytes: Buffer, encoding: string): string {
  if (encoding.startsWith('utf-16') && bytes.length % 2 === 1) return ` (an odd number of bytes, ${bytes.length})`;
  // A streaming decode only throws on a sequence wholly inside the prefix, so "throws" grows with the prefix.
  const throwsOn = (length: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!throwsOn(bytes.length)) return ' (the body ends inside a character)';
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (throwsOn(mid)) high = mid;
    else low = mid;
  }
  const from = Math.max(0, high - 3);
  return ` (near byte ${high - 1}: ${bytes.subarray(from, high + 1).toString('hex').replace(/(..)(?!$)/g, '$1 ')})`;
}
