// input.member-types: which JSON type the server really binds a member to, where the docs leave
// room for doubt (the corp login's groupId is an integer on the server's own Help Page and a
// string on TDN's). The probe sends the member as a JSON string in a body whose answer is known
// (credentials no user has: 401); the same answer means the string was bound like the documented
// type, a 4xx means it was refused. Information only: both are legitimate servers, the verdict
// tells a client which form it may send. A 500 is input.no-server-error's.

import type { Check } from './check.ts';
import { info } from './outcome.ts';

export const inputMemberTypes: Check = {
  id: 'input.member-types',
  title: 'Which JSON type a member is bound from (information only)',
  rule: 'Help Page Type column vs. other documentation of the same member (TDN); Json.NET converts a numeric string to an integer, a strict binder does not',
  level: 'MAY',
  roles: ['documented'],
  run(exchange) {
    const variant = exchange.typeVariant;
    const status = exchange.response?.status;
    if (!variant || status === undefined || status >= 500 || exchange.transportError) return [];
    const { member, documented, sent } = variant;
    if (status === exchange.expect.status) {
      return [info(`${member} is accepted as a JSON ${sent} too`, `${member} sent as a JSON ${sent} got ${status}, the answer the body gets with the ${documented} the page documents: the server binds both`)];
    }
    return [info(`${member} is taken only as the ${documented} the page documents`, `${member} sent as a JSON ${sent} got ${status} where the ${documented} gets ${exchange.expect.status}: the server refuses a ${sent}`)];
  },
};
