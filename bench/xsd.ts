// Proves that XSD validation does not cost one JVM start per document: one validateXmlBodies
// call with 1, 10 and 100 copies of the doc's XML response sample, each timed a few times.
// One JVM per document would make 100 documents cost about 100 times one; a batch costs
// one JVM start plus a little per document.

import { refreshTokenEndpoint } from '../src/doc/endpoint.ts';
import { validateXmlBodies, type XmlBody } from '../src/validation/xmlBody.ts';
import { spread } from './stats.ts';

const XSD_SIZES = [1, 10, 100] as const;
export const XSD_REPEATS = 3;
/** 100 documents may cost at most this many times 1 document (one JVM each would be about 100). */
export const XSD_MAX_GROWTH = 10;

export interface XsdFigures {
  documents: number;
  msPerCall: number;
  msPerDocument: number;
}

export interface XsdBench {
  sizes: XsdFigures[];
  /** ms per call for the most documents divided by ms per call for one. */
  growth: number;
  withinBudget: boolean;
}

function sampleResponse(): XmlBody {
  const sample = refreshTokenEndpoint().response.samples.find((s) => s.format === 'xml');
  if (!sample) throw new Error('the doc has no XML response sample');
  return { kind: 'response', xml: sample.text, naming: 'backing-field' };
}

async function timedCall(bodies: XmlBody[]): Promise<number> {
  const started = performance.now();
  const problems = await validateXmlBodies(bodies);
  const ms = Math.round(performance.now() - started);
  const invalid = problems.findIndex((p) => p.length > 0);
  if (invalid >= 0) throw new Error(`the doc's XML sample failed XSD validation: ${JSON.stringify(problems[invalid])}`);
  return ms;
}

export async function benchXsd(): Promise<XsdBench> {
  const body = sampleResponse();
  await timedCall([body]); // warm-up: the wrapper schema is written once per process
  const sizes: XsdFigures[] = [];
  for (const documents of XSD_SIZES) {
    const bodies = Array.from({ length: documents }, () => body);
    const times: number[] = [];
    for (let i = 0; i < XSD_REPEATS; i++) times.push(await timedCall(bodies));
    const msPerCall = spread(times).median;
    sizes.push({ documents, msPerCall, msPerDocument: Math.round((msPerCall / documents) * 10) / 10 });
  }
  const growth = Math.round((sizes.at(-1)!.msPerCall / sizes[0]!.msPerCall) * 100) / 100;
  return { sizes, growth, withinBudget: growth <= XSD_MAX_GROWTH };
}
