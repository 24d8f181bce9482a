// The package's own doc set: the Consinco auth family, as docs/ holds it.

import { CORP_LOGIN_DOC, LOGIN_DOC, REFRESH_TOKEN_DOC } from '../doc/endpoint.ts';

export const DEFAULT_DOCS = [LOGIN_DOC, CORP_LOGIN_DOC, REFRESH_TOKEN_DOC] as const;
