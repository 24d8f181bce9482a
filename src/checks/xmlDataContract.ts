// xml.datacontract: an XML token response as DataContractSerializer writes it: TokenResponse
// in the DTO namespace, every member in that namespace in ordinal order, nulls as
// i:nil="true" (never omitted), and no XML declaration that contradicts the UTF-8 body.

import { ordinalSort, type NamingMap } from '../naming/namingMap.ts';
import { wireOf } from './exchange.ts';
import type { XmlElement } from '../xml/safeParse.ts';
import type { Check } from './check.ts';
import { mediaTypeEssence } from '../http/mediaType.ts';
import { isXmlMediaType, namingFamily, parseBody, tokenNaming, type ParsedBody } from './body.ts';
import { fail, pass, type Outcome } from './outcome.ts';
import { XSI_NAMESPACE } from '../xml/dataContract.ts';

export const xmlDataContract: Check = {
  id: 'xml.datacontract',
  title: 'XML token responses as DataContractSerializer writes them',
  rule: 'Help Page XML sample; DataContractSerializer wire format (namespace, ordinal order, i:nil)',
  level: 'MUST',
  run(exchange) {
    const response = exchange.response;
    const wire = wireOf(exchange);
    if (response?.status !== 200 || !isXmlMediaType(exchange.mediaType) || !wire) return [];
    const parsed = parseBody(response);
    if (parsed.format !== 'xml') {
      const received = parsed.format === 'invalid' ? parsed.reason : parsed.format === 'empty' ? 'an empty body' : `a ${parsed.format} body`;
      return [fail('no DataContract XML for an XML request', `${received} (Content-Type ${response.headers['content-type'] ?? 'none'})`, `a DataContract XML TokenResponse (${mediaTypeEssence(exchange.mediaType)})`)];
    }
    const problems = [...declarationProblems(parsed, response.headers['content-type']), ...documentProblems(parsed, wire)];
    return problems.length > 0 ? problems : [pass('DataContract XML: namespace, ordinal order, i:nil')];
  },
};

function declarationProblems(parsed: Extract<ParsedBody, { format: 'xml' }>, contentType: string | undefined): Outcome[] {
  const encoding = parsed.declaration && /encoding\s*=\s*["']([^"']+)["']/i.exec(parsed.declaration)?.[1];
  const charset = /charset\s*=\s*"?([^";]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  if (!encoding || encoding.toLowerCase() === charset.toLowerCase()) return [];
  return [fail('XML declaration names the wrong encoding', parsed.declaration!, `no XML declaration (DataContractSerializer writes none), or one naming ${charset}`)];
}

function documentProblems(parsed: Extract<ParsedBody, { format: 'xml' }>, wire: NamingMap): Outcome[] {
  const { response } = wire;
  const root = parsed.root;
  const problems: Outcome[] = [];
  if (root.namespace !== response.xmlNamespace || root.localName !== response.typeName) {
    problems.push(fail('wrong root element or namespace', `{${root.namespace}}${root.localName}`, `{${response.xmlNamespace}}${response.typeName}`));
  }
  const strays = root.children.filter((c) => c.namespace !== response.xmlNamespace);
  if (strays.length > 0) problems.push(fail('members outside the DTO namespace', strays.map((c) => `{${c.namespace}}${c.localName}`).join(', '), `every member in ${response.xmlNamespace}`));
  const names = root.children.map((c) => c.localName);
  const sorted = ordinalSort(names);
  const firstOut = names.findIndex((n, i) => n !== sorted[i]);
  if (firstOut >= 0) problems.push(fail('members not in ordinal order', `${names[firstOut]} at position ${firstOut + 1}`, `${sorted[firstOut]} at position ${firstOut + 1} (ordinal order of the element names)`));
  problems.push(...nilProblems(root, namingFamily(tokenNaming(parsed, wire)), wire));
  return problems;
}

function nilProblems(root: XmlElement, family: 'backing-field' | 'documented' | undefined, wire: NamingMap): Outcome[] {
  const problems: Outcome[] = [];
  if (family) {
    const present = new Set(root.children.map((c) => c.localName));
    const missing = wire.response.members.map((m) => (family === 'backing-field' ? m.xmlBackingField : m.xmlDocumented)).filter((n) => !present.has(n));
    if (missing.length > 0) problems.push(fail(`${missing.length} member(s) omitted`, `no element ${missing.join(', ')}`, 'every member present; a null one as <... i:nil="true"/>'));
  }
  const badNils = root.children.filter((c) => Object.entries(c.attributes).some(([name, value]) => name.endsWith(':nil') && value === 'true' && (c.text.trim() !== '' || c.children.length > 0 || !declaresXsi(root, name))));
  if (badNils.length > 0) problems.push(fail('malformed i:nil', badNils.map((c) => c.localName).join(', '), `an empty element with i:nil="true", i bound to ${XSI_NAMESPACE}`));
  return problems;
}

function declaresXsi(root: XmlElement, nilAttribute: string): boolean {
  const prefix = nilAttribute.slice(0, -':nil'.length);
  return root.attributes[`xmlns:${prefix}`] === XSI_NAMESPACE || root.children.some((c) => c.attributes[`xmlns:${prefix}`] === XSI_NAMESPACE);
}
