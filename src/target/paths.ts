// The endpoint under test, as the doc names it (relative, so TARGET_URL may carry a base path).

import { refreshTokenEndpoint } from '../doc/endpoint.ts';

export const REFRESH_PATH = refreshTokenEndpoint().path.replace(/^\/+/, '');
