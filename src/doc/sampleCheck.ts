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
}

export interface EndpointVerdict {
  schemas: EndpointSchemas;
  valid: number;
  total: number;
  failures: SampleFailure[];
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
  const verdicts: EndpointVerdict[] = all.map((schemas) => ({ schemas, valid: 0, total: 0, failures: [] }));
  judged.forEach((job, i) => {
    const verdict = verdicts[job.endpoint]!;
    verdict.total++;
    if (problems[i]!.length === 0) verdict.valid++;
    else verdict.failures.push({ direction: job.body.direction, sample: job.sample, problems: problems[i]! });
  });
  return verdicts;
}
