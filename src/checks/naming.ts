// naming.consistent: which naming the server emits (backing-field, documented, DataContractJson,
// OWIN, mixed), one naming throughout every response and both formats, and the one NAMING asks
// for when it is set. The run's verdict and the fix advice (docs/wire-format.md) come from here too.

import type { NamingReport, NamingVerdict } from '../findings/types.ts';
import { NAMING_ADVICE, NO_TOKEN_RESPONSE_ADVICE } from '../naming/classify.ts';
import type { Check } from './check.ts';
import { wireOf, type ProbeExchange } from './exchange.ts';
import { namingFamily, parseBody, tokenNaming } from './body.ts';
import { fail, pass } from './outcome.ts';

interface Classified {
  format: 'json' | 'xml';
  verdict: NamingVerdict;
}

/** The naming of a 200 token body that parses; undefined for anything else. */
function classified(exchange: ProbeExchange): Classified | undefined {
  if (exchange.response?.status !== 200) return undefined;
  const parsed = parseBody(exchange.response);
  const verdict = tokenNaming(parsed, wireOf(exchange));
  // tokenNaming judges only a JSON object or an XML document.
  return verdict ? { format: parsed.format === 'json' ? 'json' : 'xml', verdict } : undefined;
}

function formatVerdict(verdicts: NamingVerdict[]): NamingVerdict | undefined {
  // No verdicts: every() holds and verdicts[0] is undefined.
  return verdicts.every((v) => v === verdicts[0]) ? verdicts[0] : 'mixed';
}

export function namingReport(exchanges: readonly ProbeExchange[]): NamingReport {
  const seen = exchanges.map(classified).filter((c): c is Classified => c !== undefined);
  if (seen.length === 0) return { verdict: 'unknown', byFormat: {}, advice: NO_TOKEN_RESPONSE_ADVICE };
  const json = formatVerdict(seen.filter((c) => c.format === 'json').map((c) => c.verdict));
  const xml = formatVerdict(seen.filter((c) => c.format === 'xml').map((c) => c.verdict));
  const byFormat = { ...(json ? { json } : {}), ...(xml ? { xml } : {}) };
  const jsonFamily = namingFamily(json);
  const xmlFamily = namingFamily(xml);
  if (jsonFamily && xmlFamily && jsonFamily !== xmlFamily) {
    // A family means a verdict: both formats were seen.
    return { verdict: 'mixed', byFormat, advice: crossFormatAdvice(json!, xml!) };
  }
  const verdict = [json, xml].find((v) => v === 'mixed' || v === 'unknown') ?? json ?? xml ?? 'unknown';
  return { verdict, byFormat, advice: NAMING_ADVICE[verdict] };
}

function crossFormatAdvice(json: NamingVerdict, xml: NamingVerdict): string {
  return `JSON responses use ${json} names but XML responses use ${xml} names, so a client cannot switch formats. `
    + 'A fix on the JSON side only (IgnoreSerializableAttribute = true, or [JsonObject]) leaves DataContractSerializer writing backing fields; '
    + 'put [DataContract] on the class and [DataMember(Name = "access_token")] etc. on every member to name both formats the same way.';
}

export const namingConsistent: Check = {
  id: 'naming.consistent',
  title: 'One recognised naming in every response and format',
  rule: 'Help Page table (documented names) vs samples (backing fields); docs/wire-format.md (serializer behaviour)',
  level: 'MUST',
  run(exchange, ctx) {
    const found = classified(exchange);
    if (!found) return [];
    const { verdict } = found;
    const family = namingFamily(verdict);
    if (!family) {
      return [fail(`${verdict} naming`, verdict === 'mixed' ? 'backing-field and documented names in one body' : 'none of the documented or backing-field names', 'one naming throughout: all backing-field or all documented names')];
    }
    if (ctx.naming !== 'auto' && family !== ctx.naming) {
      return [fail(`${verdict} naming, NAMING=${ctx.naming}`, `${verdict} names`, `${ctx.naming} names (NAMING=${ctx.naming})`)];
    }
    return [pass(`${verdict} naming`)];
  },
  acrossRun(exchanges) {
    const report = namingReport(exchanges);
    const formats = Object.entries(report.byFormat);
    if (formats.length === 0) return [];
    const described = formats.map(([format, verdict]) => `${format}: ${verdict}`).join(', ');
    if (namingFamily(report.verdict)) return [pass(`${report.verdict} naming across the run (${described})`)];
    return [fail(`${report.verdict} naming across the run`, described, 'one naming in every response and both formats')];
  },
};
