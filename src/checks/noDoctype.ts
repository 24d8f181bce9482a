// xml.no-doctype: no response may carry a DOCTYPE or entity declaration: clients that parse it
// with default settings are open to XXE and entity expansion, and no .NET serializer writes one.

import { hasDoctype } from '../xml/safeParse.ts';
import type { Check } from './check.ts';
import { fail, pass, quote } from './outcome.ts';

export const xmlNoDoctype: Check = {
  id: 'xml.no-doctype',
  title: 'No DOCTYPE or entity declaration in any response',
  rule: 'OWASP XXE Prevention Cheat Sheet; DataContractSerializer never writes a DOCTYPE',
  level: 'MUST',
  run(exchange) {
    const response = exchange.response;
    if (!response || response.body === '') return [];
    if (!hasDoctype(response.body)) return [pass('no DOCTYPE')];
    const at = response.body.search(/<!DOCTYPE|<!ENTITY/i);
    return [fail('DOCTYPE in the response', quote(response.body.slice(at, at + 60)), 'no DOCTYPE or ENTITY declaration')];
  },
};
