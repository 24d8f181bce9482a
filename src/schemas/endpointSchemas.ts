// Everything generated for one endpoint of any Help Page: per body (request, response) and per
// naming the page shows, a JSON Schema and an XSD set, plus the naming map where backing
// fields appear. `doc check`, `validate --doc` and `schemas --doc --out` all start here, so
// the files written and the schemas samples are judged by are the same.

import type { ApiEndpoint, BodyDescription, TypeDefinition } from '../doc/apiModel.ts';
import { encodeLocalName } from '../naming/namingMap.ts';
import { bodyJsonSchema } from './endpointJsonSchema.ts';
import { bodyXsd, type XsdSet } from './endpointXsd.ts';
import { bodyLayout, type BodyLayout, type WireNaming } from './wireLayout.ts';

export type BodyDirection = 'request' | 'response';

export interface NamedSchemas {
  naming: WireNaming;
  /** With the annotations as constraints: the contract. */
  json: Record<string, unknown>;
  /** Shape only (types, members, order): the Help Page's own samples ignore validation attributes. */
  jsonShape: Record<string, unknown>;
  xsd?: XsdSet;
  xsdShape?: XsdSet;
}

export interface BodySchemas {
  direction: BodyDirection;
  body: BodyDescription;
  layout: BodyLayout;
  /** The naming the page's samples are written in (backing-field when they show backing fields). */
  sampleNaming: WireNaming;
  schemas: NamedSchemas[];
  /** Why there is no schema at all (a type the page describes with no members and no sample). */
  undescribed?: string;
}

export interface EndpointSchemas {
  endpoint: ApiEndpoint;
  /** File-name stem: `post-api-account-register`. */
  slug: string;
  bodies: BodySchemas[];
}

export function endpointSlug(endpoint: ApiEndpoint): string {
  return `${endpoint.method}-${endpoint.path}`.toLowerCase().replace(/[{}]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function endpointSchemas(endpoint: ApiEndpoint, slug = endpointSlug(endpoint)): EndpointSchemas {
  const bodies: BodySchemas[] = [];
  for (const direction of ['request', 'response'] as const) {
    const body = endpoint[direction];
    if (body) bodies.push(bodySchemas(endpoint, slug, direction, body));
  }
  return { endpoint, slug, bodies };
}

function bodySchemas(endpoint: ApiEndpoint, slug: string, direction: BodyDirection, body: BodyDescription): BodySchemas {
  const layout = bodyLayout(body, endpoint.types);
  const sampleNaming: WireNaming = layout.namings.includes('backing-field') ? 'backing-field' : 'documented';
  const undescribed = undescribedReason(body, endpoint.types);
  if (undescribed) return { direction, body, layout, sampleNaming, schemas: [], undescribed };
  const schemas = layout.namings.map((naming): NamedSchemas => {
    const stem = fileStem(slug, direction, naming, layout.namings.length > 1);
    const id = `urn:help-page:${stem}`;
    const xsd = bodyXsd(layout, { naming, direction, constraints: true, fileName: `${stem}.xsd` });
    const xsdShape = bodyXsd(layout, { naming, direction, constraints: false, fileName: `${stem}.shape.xsd` });
    return {
      naming,
      json: bodyJsonSchema(layout, { naming, direction, constraints: true, id }),
      jsonShape: bodyJsonSchema(layout, { naming, direction, constraints: false, id: `${id}:shape` }),
      ...(xsd ? { xsd } : {}),
      ...(xsdShape ? { xsdShape } : {}),
    };
  });
  return { direction, body, layout, sampleNaming, schemas };
}

function fileStem(slug: string, direction: BodyDirection, naming: WireNaming, both: boolean): string {
  return both ? `${slug}.${direction}.${naming}` : `${slug}.${direction}`;
}

/** A body whose type has no members on the page and no sample to infer them from (IHttpActionResult). */
function undescribedReason(body: BodyDescription, types: ReadonlyMap<string, TypeDefinition>): string | undefined {
  if (body.type.kind !== 'named') return undefined;
  const definition = types.get(body.type.name);
  if (definition && (definition.kind !== 'complex' || definition.members.length > 0)) return undefined;
  return `the page describes no members of ${body.typeText} and shows no sample of it`;
}

const made = new WeakMap<ApiEndpoint, EndpointSchemas>();

/** An endpoint's response body and its schemas, made once per endpoint (a run judges many bodies against them). */
export function responseSchemas(endpoint: ApiEndpoint): BodySchemas | undefined {
  let schemas = made.get(endpoint);
  if (!schemas) made.set(endpoint, (schemas = endpointSchemas(endpoint)));
  return schemas.bodies.find((b) => b.direction === 'response');
}

/** The response schemas in the naming asked for, else in the one the page's samples use. */
export function responseSchemasIn(endpoint: ApiEndpoint, naming: WireNaming): NamedSchemas | undefined {
  const body = responseSchemas(endpoint);
  return body?.schemas.find((s) => s.naming === naming) ?? body?.schemas.find((s) => s.naming === body.sampleNaming);
}

/** The files `schemas --doc --out` writes for an endpoint: name -> content. */
export function endpointFiles(schemas: EndpointSchemas): Map<string, string> {
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  for (const body of schemas.bodies) {
    for (const named of body.schemas) {
      const stem = fileStem(schemas.slug, body.direction, named.naming, body.schemas.length > 1);
      files.set(`${stem}.schema.json`, json(named.json));
      for (const [name, text] of named.xsd?.files ?? []) files.set(name, text);
    }
    if (body.layout.namings.includes('backing-field')) files.set(`${schemas.slug}.${body.direction}.naming.json`, json(namingMap(body)));
  }
  return files;
}

/** Per complex type: each member's documented name, its JSON backing-field key and both XML element names. */
function namingMap(body: BodySchemas): Record<string, unknown> {
  const { layout } = body;
  const backingXml = layout.xml?.types('backing-field');
  const types: Record<string, unknown> = {};
  for (const [name, definition] of layout.types) {
    if (definition.kind !== 'complex') continue;
    const keys = layout.jsonKeys(name, 'backing-field');
    const elements = backingXml?.get(name)?.elements ?? [];
    types[name] = definition.members.map((m, i) => ({
      documented: m.name,
      type: m.typeText,
      jsonBackingField: keys[i],
      ...(elements.find((e) => e.member === m) ? { xmlBackingField: elements.find((e) => e.member === m)!.name } : {}),
      xmlDocumented: encodeLocalName(m.name),
    }));
  }
  return { typeName: layout.body.typeText, ...(layout.xml ? { xmlRoot: layout.xml.root, xmlNamespace: layout.xml.namespace } : {}), types };
}
