// XML bodies of the refresh-token endpoint against the committed XSDs (schemas/): which XSD a
// request, response (in a naming) or error body answers to. The batching, the safety measures
// and the Received/Expected wording live in xsdBatch.ts.

import { SCHEMA_FILES } from '../schemas/generate.ts';
import { namingMap, schemaPath } from '../schemas/load.ts';
import type { Naming } from '../findings/types.ts';
import type { BodyKind } from './jsonBody.ts';
import type { SchemaProblem } from './problem.ts';
import { validateXmlDocuments, type XsdTarget } from './xsdBatch.ts';

export interface XmlBody {
  kind: BodyKind;
  xml: string;
  naming?: Naming;
}

function targetFor(kind: BodyKind, naming: Naming): XsdTarget {
  const map = namingMap();
  switch (kind) {
    case 'request': return { xsd: schemaPath(SCHEMA_FILES.requestXsd), namespace: map.request.xmlNamespace, root: map.request.typeName };
    case 'response': return { xsd: schemaPath(SCHEMA_FILES.responseXsd[naming]), namespace: map.response.xmlNamespace, root: map.response.typeName };
    case 'error': return { xsd: schemaPath(SCHEMA_FILES.errorXsd), namespace: '', root: 'Error' };
  }
}

export function validateXmlBodies(bodies: readonly XmlBody[]): Promise<SchemaProblem[][]> {
  return validateXmlDocuments(bodies.map((body) => ({ target: targetFor(body.kind, body.naming ?? 'backing-field'), xml: body.xml })));
}
