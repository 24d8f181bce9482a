// `doc check`'s verdict on one endpoint: every JSON and XML sample the page shows, judged by
// the schemas generated from the same page (their shape: the sample generator ignores
// validation attributes). A sample that fails is named with its media types, body and line.

import type { Sample } from './apiModel.ts';
import type { BodySchemas, EndpointSchemas } from '../schemas/endpointSchemas.ts';
import { EndpointValidator } from '../validation/endpointSamples.ts';
import type { SchemaProblem } from '../validation/problem.ts';

export interface SampleFailure {
  direction: 'request' | 'response';
  sample: Sample;
  problems: SchemaProblem[];
  /** Why the sample may not be DataContract XML at all (XmlSerializer output), when it shows. */
  hint?: string;
}

/** XmlSerializer declares xsd/xsi on the root and may write attributes; DataContractSerializer does neither. */
function serializerHint(sample: Sample): string | undefined {
  if (sample.format !== 'xml') return undefined;
  const root = /^<[^>]*>/.exec(sample.text)?.[0] ?? '';
  const attributes = /<[\w:.-]+\s+(?!xmlns|i:nil)[\w-]+(?::[\w-]+)?="/.test(sample.text.slice(root.length));
  if (!/xmlns:xsd=/.test(root) && !attributes) return undefined;
  return 'the sample looks like XmlSerializer output (xmlns:xsd on the root, or attributes), not DataContractSerializer\'s: the XSD describes the DataContract form';
}

export interface EndpointVerdict {
  schemas: EndpointSchemas;
  valid: number;
  total: number;
  failures: SampleFailure[];
  /** Form-encoded samples: shown by the page, not judged (no schema describes form bodies here). */
  unchecked: Sample[];
}

export async function checkSamples(all: readonly EndpointSchemas[], validator = new EndpointValidator()): Promise<EndpointVerdict[]> {
  const jobs: { endpoint: number; body: BodySchemas; sample: Sample }[] = [];
  all.forEach((schemas, endpoint) => {
    for (const body of schemas.bodies) {
      for (const sample of body.body.samples) {
        if (sample.format === 'json' || sample.format === 'xml') jobs.push({ endpoint, body, sample });
      }
    }
  });
  const messages = jobs.flatMap((job) => {
    const named = job.body.schemas.find((s) => s.naming === job.body.sampleNaming);
    return named ? [{ schemas: named, format: job.sample.format as 'json' | 'xml', text: job.sample.text, strictness: 'shape' as const }] : [];
  });
  const judged = jobs.filter((job) => job.body.schemas.length > 0);
  const problems = await validator.validate(messages);
  const verdicts: EndpointVerdict[] = all.map((schemas) => ({
    schemas, valid: 0, total: 0, failures: [],
    unchecked: schemas.bodies.flatMap((b) => b.body.samples.filter((sample) => sample.format === 'form')),
  }));
  judged.forEach((job, i) => {
    const verdict = verdicts[job.endpoint]!;
    verdict.total++;
    if (problems[i]!.length === 0) verdict.valid++;
    else {
      const hint = serializerHint(job.sample);
      verdict.failures.push({ direction: job.body.direction, sample: job.sample, problems: problems[i]!, ...(hint ? { hint } : {}) });
    }
  });
  return verdicts;
}
