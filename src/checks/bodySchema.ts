// body.schema: token bodies are complete, well-formed and valid against the JSON Schema (ajv) or the
// XSD of the naming they use; error bodies against Web API's HttpError schema.

import { formatProblem, type SchemaProblem } from '../validation/problem.ts';
import { validateJsonBody } from '../validation/jsonBody.ts';
import { responseJsonProblems, undescribedResponse } from '../validation/endpointResponses.ts';
import { endpointOf, wireOf } from './exchange.ts';
import type { Check } from './check.ts';
import { bodyKind, parseBody, schemaNaming } from './body.ts';
import { fail, failWith, pass, skip, type Outcome } from './outcome.ts';

const SHOWN_PROBLEMS = 5;

export const bodySchema: Check = {
  id: 'body.schema',
  title: 'A well-formed body valid against the JSON Schema or XSD',
  rule: 'Help Page body tables and samples, as schemas/*.schema.json and schemas/*.xsd',
  level: 'MUST',
  run(exchange, ctx) {
    const response = exchange.response;
    const kind = response && bodyKind(response);
    if (!response || !kind) return [];
    const endpoint = endpointOf(exchange);
    const wire = wireOf(exchange);
    const type = endpoint.api.response?.typeText ?? 'response';
    const what = kind === 'error' ? 'error body' : wire ? 'token response' : `${type} body`;
    if (exchange.transportError) return [fail(`${what} cut off by the target`, exchange.transportError, `the complete ${what}`)];
    const parsed = parseBody(response);
    if (parsed.format === 'empty') {
      return kind === 'response' && endpoint.api.response ? [fail(`empty ${what}`, 'an empty body', `a ${endpoint.api.response.typeText}`)] : [];
    }
    if (parsed.format === 'invalid') return [fail(`${what} does not parse`, parsed.reason, `a well-formed ${what}`)];
    if (kind === 'response') {
      const undescribed = undescribedResponse(endpoint);
      if (undescribed) return [skip(`${what} not judged: ${undescribed}`)];
    }
    const naming = schemaNaming(parsed, ctx.naming, wire);
    const problems = parsed.format === 'json'
      ? (kind === 'response' ? responseJsonProblems(endpoint, parsed.value, naming) : validateJsonBody(kind, parsed.value))
      : ctx.xsdProblems(exchange);
    if (!problems) throw new Error(`body.schema: the ${parsed.format.toUpperCase()} body of ${exchange.caseId} was not validated`);
    const form = parsed.format === 'json' ? 'JSON Schema' : 'XSD';
    const schema = kind === 'error' ? `error ${form}` : wire ? `${naming} ${form}` : `${type} ${form}`;
    return [problems.length === 0 ? pass(`${what} valid against the ${schema}`) : invalid(what, schema, problems)];
  },
};

function invalid(what: string, schema: string, problems: SchemaProblem[]): Outcome {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map(formatProblem);
  const more = problems.length > SHOWN_PROBLEMS ? ` (+${problems.length - SHOWN_PROBLEMS} more)` : '';
  return failWith(`${what} invalid against the ${schema}: ${problems.length} problem(s)`, `${shown.join('; ')}${more}`);
}
