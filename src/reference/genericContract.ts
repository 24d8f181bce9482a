// An endpoint whose role the suite cannot tell (neither issuing nor refreshing tokens), served
// from its Help Page alone: the general model (any rendering) and the wire layout the schemas
// are generated from give the request binding model (JSON keys, DataContract root, namespace
// and element order, the validation attributes, whether form bodies are read), the required query parameters and the
// response the page's samples show. Nothing about the endpoint is typed by hand, so the page
// the provider serves at /Help and the answers it gives cannot drift apart.

import { join } from 'node:path';
import type { ApiEndpoint, BodyDescription, Member, TypeRef } from '../doc/apiModel.ts';
import { loadDocPath } from '../doc/docSet.ts';
import type { DocType } from '../doc/model.ts';
import { PACKAGE_ROOT } from '../package/locations.ts';
import { bodyLayout, type BodyLayout } from '../schemas/wireLayout.ts';
import type { ResponseMember } from '../naming/namingMap.ts';
import type { BindingMember, BindingModel, ResponseContract } from './contract.ts';
import { FORM_MEDIA_TYPE } from './negotiation.ts';

/**
 * A non-auth page of the Help Page corpus: a MedSoft tenant's `POST api/TablesManagement/ADUModel?pType={pType}`
 * (request and response `Model`, Required members with length and pattern attributes, a
 * required query parameter, JSON and DataContract XML samples).
 */
export const GENERIC_DOC = join(PACKAGE_ROOT, 'docs', 'help-pages', 'pipes', 'medsoft-normed.POST-api-TablesManagement-ADUModel_pType.txt');

/** The member types the request binders convert as Json.NET and DataContractSerializer do. */
const SIMPLE_TYPES: readonly DocType[] = ['string', 'integer'];

export interface GenericParts {
  method: string;
  path: string;
  /** Query parameters the page marks Required: Web API selects no action without them. */
  requiredQuery: string[];
  request: BindingModel;
  response: ResponseContract;
}

/** The page's one endpoint, or an error naming the file and what the provider cannot serve. */
export function genericParts(file: string): GenericParts {
  const { endpoints, failures } = loadDocPath(file);
  const api = endpoints[0];
  if (failures.length > 0 || endpoints.length !== 1 || !api) {
    throw new Error(`reference provider: ${file} must document one endpoint (${failures.map((f) => f.message).join('; ') || `${endpoints.length} found`})`);
  }
  const fail = (what: string) => new Error(`reference provider: ${file}: ${what}`);
  if (/[{}]/.test(api.path.split('?')[0]!)) throw fail(`the route ${api.path} has a template segment: the provider routes literal paths only`);
  if (!api.request || !api.response) throw fail('a request and a response body are needed');
  return {
    method: api.method,
    path: api.path,
    requiredQuery: requiredQuery(api),
    request: { ...bindingModel(layoutOf(api, api.request, fail), fail), readsForm: api.request.samples.some((s) => s.mediaTypes.includes(FORM_MEDIA_TYPE)) },
    response: responseContract(layoutOf(api, api.response, fail), fail),
  };
}

/** Query keys of the path template (`?pType={pType}`) whose URI parameter is Required. */
function requiredQuery(api: ApiEndpoint): string[] {
  const query = api.path.split('?')[1] ?? '';
  const keys = query.split('&').map((pair) => pair.split('=')[0]!).filter(Boolean);
  return keys.filter((key) => api.uriParameters.some((p) => p.name.toLowerCase() === key.toLowerCase() && p.annotations.required));
}

interface Layout {
  layout: BodyLayout;
  members: Member[];
  jsonKeys: string[];
  xml: { root: string; namespace: string; elements: { name: string; member?: Member }[] };
}

function layoutOf(api: ApiEndpoint, body: BodyDescription, fail: (what: string) => Error): Layout {
  const typeName = body.type.kind === 'named' ? body.type.name : undefined;
  const definition = typeName === undefined ? undefined : api.types.get(typeName);
  if (definition?.kind !== 'complex') throw fail(`the body type "${body.typeText}" must be a complex type the page describes`);
  const layout = bodyLayout(body, api.types);
  const xml = layout.xml;
  const elements = xml?.types('documented').get(definition.name)?.elements;
  if (!xml || !elements) throw fail(`the body "${body.typeText}" needs a DataContract XML sample`);
  return { layout, members: definition.members, jsonKeys: layout.jsonKeys(definition.name, 'documented'), xml: { root: xml.root, namespace: xml.namespace, elements } };
}

function simpleType(member: Member, fail: (what: string) => Error): DocType {
  const type: TypeRef = member.type;
  if (type.kind !== 'primitive' || !(SIMPLE_TYPES as readonly string[]).includes(type.name)) {
    throw fail(`member "${member.name}" is a ${member.typeText}: the provider binds only ${SIMPLE_TYPES.join(', ')}`);
  }
  return type.name as DocType;
}

function bindingModel({ members, jsonKeys, xml }: Layout, fail: (what: string) => Error): Omit<BindingModel, 'readsForm'> {
  const elementOf = (m: Member) => xml.elements.find((e) => e.member === m)?.name;
  return {
    typeName: xml.root,
    xmlNamespace: xml.namespace,
    members: [
      ...members.map((m, i): BindingMember => {
        const element = elementOf(m);
        return {
          key: jsonKeys[i]!, json: jsonKeys[i]!, ...(element ? { xml: element } : {}),
          type: simpleType(m, fail), optional: !m.annotations.required, annotations: m.annotations,
        };
      }),
      ...xml.elements.filter((e) => !e.member).map((e): BindingMember => ({ key: e.name, xml: e.name, type: 'string', optional: true })),
    ],
    xmlOrder: xml.elements.map((e) => e.name),
  };
}

/** Generic pages have no backing-field split: both namings write what the samples show. */
function responseContract({ layout, members, jsonKeys, xml }: Layout, fail: (what: string) => Error): ResponseContract {
  const unknown = xml.elements.filter((e) => !e.member).map((e) => e.name);
  if (unknown.length > 0) throw fail(`response XML elements without a table member (${unknown.join(', ')}) have no value to write`);
  const sample = jsonSample(layout.body);
  return {
    typeName: xml.root,
    xmlNamespace: xml.namespace,
    members: members.map((m, i): ResponseMember => {
      const key = jsonKeys[i]!;
      const element = xml.elements.find((e) => e.member === m)?.name;
      if (!element) throw fail(`response member "${m.name}" is missing from the XML sample`);
      const example = sample[key];
      return {
        order: i + 1, type: simpleType(m, fail), documented: key, member: key, jsonBackingField: key,
        xmlBackingField: element, xmlDocumented: element,
        example: typeof example === 'string' || typeof example === 'number' || typeof example === 'boolean' ? example : '',
      };
    }),
    xmlOrder: xml.elements.map((e) => e.name),
  };
}

function jsonSample(body: BodyDescription): Record<string, unknown> {
  const text = body.samples.find((s) => s.format === 'json')?.text;
  try {
    const value: unknown = text === undefined ? {} : JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
