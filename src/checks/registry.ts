// Every check, registered once. The ids are part of the tool's interface: findings.json, the
// reference provider's fault catalogue and users' CI filters name checks by them.

import { bodyCharset } from './bodyCharset.ts';
import { bodySchema } from './bodySchema.ts';
import { headersNoCacheOfTokens, headersNoStore } from './caching.ts';
import type { Check } from './check.ts';
import { contentTypeNegotiated } from './contentType.ts';
import { datesFormat } from './dates.ts';
import { errorsNoDetails, errorsNoTokenEcho } from './errorHygiene.ts';
import { fieldsExtra } from './fieldsExtra.ts';
import { namingConsistent } from './naming.ts';
import { xmlNoDoctype } from './noDoctype.ts';
import { inputNoServerError, responseTime } from './robustness.ts';
import { inputMemberTypes } from './memberTypes.ts';
import { statusDocumented } from './status.ts';
import { tokenIssued } from './tokenIssued.ts';
import { tokenExpiry, tokenReplayDetection, tokenRotation } from './tokenLifecycle.ts';
import { tokenClock, tokenSemantics } from './tokenSemantics.ts';
import { xmlDataContract } from './xmlDataContract.ts';

export const CHECKS: readonly Check[] = [
  statusDocumented,
  contentTypeNegotiated,
  bodyCharset,
  bodySchema,
  namingConsistent,
  datesFormat,
  xmlDataContract,
  fieldsExtra,
  headersNoStore,
  headersNoCacheOfTokens,
  errorsNoDetails,
  errorsNoTokenEcho,
  xmlNoDoctype,
  tokenIssued,
  tokenRotation,
  tokenReplayDetection,
  tokenExpiry,
  tokenSemantics,
  tokenClock,
  inputNoServerError,
  inputMemberTypes,
  responseTime,
];

/** Checks that only inform (a verdict either way is a legitimate server): no fault can be caught by one. */
export const INFO_ONLY_CHECKS: readonly string[] = ['fields.extra', inputMemberTypes.id];

export function checkById(id: string): Check {
  const check = CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no check "${id}"; known: ${CHECKS.map((c) => c.id).join(', ')}`);
  return check;
}
