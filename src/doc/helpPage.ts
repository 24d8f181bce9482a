// The refresh-token pipeline's view of a Help Page (model.ts): the general reader (any
// rendering, the whole vocabulary) narrowed to what that pipeline types: one API page whose
// bodies are tables of simple members, each with a JSON and an XML sample. A page outside
// that shape fails with the line that broke it, as every other page does.

import type { ApiEndpoint, BodyDescription, Member } from './apiModel.ts';
import type { DocBody, DocParameter, DocType, EndpointModel } from './model.ts';
import { HelpPageError } from './outline.ts';
import { parsePage } from './parsePage.ts';

export { HelpPageError };

const DOC_TYPES: readonly DocType[] = ['string', 'integer', 'boolean', 'date', 'decimal number'];
const OPTIONAL_DEFAULT = /\(OPTIONAL(?:, default value is '([^']*)')?\)/i;

export function parseHelpPage(text: string, source = ''): EndpointModel {
  const page = parsePage(text, source);
  if (page.kind !== 'api') throw new HelpPageError(1, 'expected an API page ("<METHOD> <path>" on the first line)').at(source);
  return narrowEndpoint(page.endpoint, source);
}

/**
 * The narrowed view of an endpoint read by the general model; HelpPageError when it is outside
 * that shape, named by `source` (its page's file) when given, as a page the reader refuses is.
 */
export function narrowEndpoint(endpoint: ApiEndpoint, source?: string): EndpointModel {
  try {
    return narrowed(endpoint);
  } catch (error) {
    throw source !== undefined && error instanceof HelpPageError ? error.at(source) : error;
  }
}

function narrowed(endpoint: ApiEndpoint): EndpointModel {
  const request = body(endpoint, 'request');
  const response = body(endpoint, 'response');
  if (endpoint.responseCodes.length === 0) throw new HelpPageError(endpoint.at.line, 'section "Response Codes" is missing');
  return {
    method: endpoint.method,
    path: endpoint.path,
    summary: endpoint.description,
    uriParameters: endpoint.uriParameters.map(parameter),
    request,
    responseCodes: endpoint.responseCodes,
    response,
  };
}

function body(endpoint: ApiEndpoint, direction: 'request' | 'response'): DocBody {
  const described: BodyDescription | undefined = endpoint[direction];
  const definition = described?.type.kind === 'named' ? endpoint.types.get(described.type.name) : undefined;
  if (!described || definition?.kind !== 'complex' || definition.members.length === 0) {
    throw new HelpPageError(endpoint.at.line, `expected a ${direction} body described by a table`);
  }
  const samples = described.samples.flatMap((s) => (s.format === 'json' || s.format === 'xml' ? [{ mediaTypes: s.mediaTypes, format: s.format, text: s.text, line: s.at.line }] : []));
  if (samples.length === 0) throw new HelpPageError(endpoint.at.line, `no samples for the ${direction}`);
  return { typeName: described.typeText, caption: described.caption, fields: definition.members.map(parameter), samples };
}

function parameter(member: Member): DocParameter {
  if (member.type.kind !== 'primitive' || !(DOC_TYPES as readonly string[]).includes(member.type.name)) {
    throw new HelpPageError(member.at.line, `field "${member.name}" has no known type (one of ${DOC_TYPES.join(', ')}), got "${member.typeText}"`);
  }
  const optional = OPTIONAL_DEFAULT.exec(member.description);
  return {
    name: member.name,
    description: member.description,
    type: member.type.name as DocType,
    optional: optional !== null,
    ...(optional?.[1] !== undefined ? { defaultValue: optional[1] } : {}),
    ...(member.annotations.dataType !== undefined ? { dataType: member.annotations.dataType } : {}),
    line: member.at.line,
  };
}
