// XML bodies against their XSDs: a refresh-token request, response (in a naming) or error body
// against the committed ones (schemas/), a response of a run's endpoint against that endpoint's
// (endpointResponses.ts). The batching, the safety measures
// and the Received/Expected wording live in xsdBatch.ts.

import { SCHEMA_FILES } from '../schemas/generate.ts';
import { namingMap, schemaPath } from '../schemas/load.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { Naming } from '../findings/types.ts';
import { responseXsdTarget } from './endpointResponses.ts';
import type { BodyKind } from './jsonBody.ts';
import type { SchemaProblem } from './problem.ts';
import { validateXmlDocuments, type XsdTarget } from './xsdBatch.ts';

export interface XmlBody {
  kind: BodyKind;
  xml: string;
  naming?: Naming;
  /** A response of this endpoint: judged by the endpoint's own XSD. */
  endpoint?: TestedEndpoint;
}

const NO_XSD: SchemaProblem = { path: '(document)', received: 'an XML response', expected: 'no XML: the page shows no XML sample, so it gives no DataContract form to validate against' };

function endpointTarget(body: XmlBody): XsdTarget | undefined {
  return body.kind === 'response' && body.endpoint ? responseXsdTarget(body.endpoint, body.naming ?? 'backing-field') : targetFor(body.kind, body.naming ?? 'backing-field');
}

function targetFor(kind: BodyKind, naming: Naming): XsdTarget {
  const map = namingMap();
  switch (kind) {
    case 'request': return { xsd: schemaPath(SCHEMA_FILES.requestXsd), namespace: map.request.xmlNamespace, root: map.request.typeName };
    case 'response': return { xsd: schemaPath(SCHEMA_FILES.responseXsd[naming]), namespace: map.response.xmlNamespace, root: map.response.typeName };
    case 'error': return { xsd: schemaPath(SCHEMA_FILES.errorXsd), namespace: '', root: 'Error' };
  }
}

export async function validateXmlBodies(bodies: readonly XmlBody[]): Promise<SchemaProblem[][]> {
  const targets = bodies.map(endpointTarget);
  const known = bodies.flatMap((body, i) => (targets[i] ? [{ index: i, target: targets[i], xml: body.xml }] : []));
  const found = await validateXmlDocuments(known);
  const problems = bodies.map(() => [NO_XSD]);
  known.forEach((k, i) => (problems[k.index] = found[i]!));
  return problems;
}
