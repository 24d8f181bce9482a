// What the outcome-by-outcome check specs compare against: a check's whole answer to one
// exchange, and the exact pass or Received / Expected failure it should be, so each case states
// one complete result rather than a fragment of a message.

import { checkById } from '../../../src/checks/registry.ts';
import type { ProbeExchange } from '../../../src/checks/exchange.ts';
import type { Outcome } from '../../../src/checks/outcome.ts';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { testedEndpoints } from '../../../src/endpoints/testedEndpoint.ts';
import { REFERENCE_DOC_FILES } from '../../../src/reference/index.ts';
import { context } from './fixtures.ts';

/** Every outcome of one check for one exchange, asked directly (roles not filtered). */
export function outcomes(id: string, exchange: ProbeExchange, ctx = context()): Outcome[] {
  return checkById(id).run(exchange, ctx);
}

export function passed(title: string): Outcome[] {
  return [{ status: 'pass', title, message: '' }];
}

export function failed(title: string, received: string, expected: string): Outcome[] {
  return [{ status: 'fail', title, message: `Received: ${received} / Expected: ${expected}` }];
}

/** The exchange as if sent to a generic endpoint of a reference page: no token, no naming map. */
export function onGenericEndpoint(exchange: ProbeExchange): ProbeExchange {
  const page = loadDocPath(REFERENCE_DOC_FILES.find((f) => f.includes('TablesManagement'))!);
  return { ...exchange, endpoint: testedEndpoints(page.endpoints)[0]! };
}
