// An endpoint the run tests, as its Help Page describes it: the general model, the role the
// model gives it, and for token endpoints the narrowed model with its naming map (the JSON and
// XML names of both namings). Roles come from what the endpoint takes and gives, never from its
// path: a token response out and credentials in is `issuing` (login, corp login), a token
// response out and a refresh token in is `refreshing`, anything else is `generic`.

import type { ApiEndpoint } from '../doc/apiModel.ts';
import { narrowEndpoint } from '../doc/helpPage.ts';
import type { EndpointModel } from '../doc/model.ts';
import { buildNamingMap, type NamingMap } from '../naming/namingMap.ts';
import { uriValue } from './validValues.ts';

export type EndpointRole = 'issuing' | 'refreshing' | 'generic';

/** A token endpoint's wire: its narrowed model and the names each naming uses. */
export interface TokenWire {
  model: EndpointModel;
  naming: NamingMap;
}

export interface TestedEndpoint {
  /** `POST api/v1/auth/login`: how ENDPOINTS, the findings and the reports name it. */
  id: string;
  /** Short and unique in the run: `login`, `corp-login`, `refresh-token`. */
  name: string;
  method: string;
  /** Relative to the target, without a leading slash, its URI parameters filled with values their attributes accept. */
  path: string;
  api: ApiEndpoint;
  role: EndpointRole;
  /** Why the model gives it that role, in a reader's words. */
  roleReason: string;
  /** Token endpoints only. */
  wire?: TokenWire;
}

/** Compares member names the way the roles need: case, `_`, `-` and `.` ignored. */
const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function tokenWire(api: ApiEndpoint): TokenWire | undefined {
  try {
    const model = narrowEndpoint(api);
    return { model, naming: buildNamingMap(model) };
  } catch {
    return undefined;
  }
}

function roleOf(wire: TokenWire | undefined): { role: EndpointRole; roleReason: string } {
  if (!wire) return { role: 'generic', roleReason: 'its bodies are not flat tables of simple members with JSON and XML samples, so it is no token endpoint' };
  const response = new Set(wire.model.response.fields.map((f) => normal(f.name)));
  if (!response.has('accesstoken') || !response.has('refreshtoken')) return { role: 'generic', roleReason: `its response (${wire.model.response.typeName}) carries no access and refresh token` };
  const request = wire.model.request.fields;
  const refresh = request.find((f) => normal(f.name) === 'refreshtoken');
  if (refresh) return { role: 'refreshing', roleReason: `a refresh token (${refresh.name}) in, a token response (${wire.model.response.typeName}) out` };
  const password = request.find((f) => f.dataType === 'Password' || normal(f.name) === 'password');
  if (password) return { role: 'issuing', roleReason: `credentials (${request.map((f) => f.name).join(', ')}) in, a token response (${wire.model.response.typeName}) out` };
  return { role: 'generic', roleReason: `a token response out, but neither a refresh token nor a password in` };
}

/** The path's segments that name the action: without `api`, the version and (when more remain) the controller. */
function actionSegments(path: string, withController: boolean): string[] {
  const segments = path.split('?')[0]!.split('/').filter((s) => s !== '' && !/^api$/i.test(s) && !/^v\d+(?:\.\d+)?$/i.test(s));
  return withController || segments.length < 2 ? segments : segments.slice(1);
}

function nameOf(path: string, withController: boolean): string {
  return actionSegments(path, withController).join('-').toLowerCase().replace(/[{}]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
}

/** The endpoints of a doc set, each with its role and a name unique in the set. */
export function testedEndpoints(apis: readonly ApiEndpoint[]): TestedEndpoint[] {
  const short = apis.map((api) => nameOf(api.path, false));
  return apis.map((api, i) => {
    const clash = short.filter((n) => n === short[i]).length > 1;
    const wire = tokenWire(api);
    const base = clash ? nameOf(api.path, true) : short[i]!;
    // Two actions on one route (GET and POST) differ by method.
    const name = apis.some((other, j) => j !== i && other.path === api.path) ? `${api.method.toLowerCase()}-${base}` : base;
    const documented = api.path.replace(/^\/+/, '');
    const path = documented.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const parameter = api.uriParameters.find((p) => p.name.toLowerCase() === name.toLowerCase());
      return parameter ? encodeURIComponent(uriValue(parameter)) : whole;
    });
    const role = roleOf(wire);
    return { id: `${api.method} ${documented}`, name, method: api.method, path, api, ...role, ...(wire && role.role !== 'generic' ? { wire } : {}) };
  });
}
