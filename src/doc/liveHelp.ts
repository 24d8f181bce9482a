// A server's live Help: the index (`/Help`, every API grouped by controller), each API page it
// links, and the ResourceModel pages (`/Help/ResourceModel?modelName=X`) those pages link, read
// through the probes' HTTP client: a deadline and a size cap per page, no redirects followed,
// the run's TLS options (CA_FILE, INSECURE_TLS), and never a host other than the index's.

import type { HttpOptions } from '../http/client.ts';
import { send } from '../http/client.ts';
import { assemble, type DocSet } from './docSet.ts';
import { HelpPageError } from './outline.ts';
import { parsePage } from './parsePage.ts';

/** Pages fetched at once. */
const PARALLEL = 4;
/** A Help Page set larger than this is not a Help Page set. */
const MAX_PAGES = 500;

export async function loadLiveHelp(indexUrl: string, options: HttpOptions): Promise<DocSet> {
  const index = await fetchPage(indexUrl, options);
  const page = parsePage(index, indexUrl);
  const origin = new URL(indexUrl).origin;
  const sameOrigin = (href: string, base = indexUrl) => {
    const url = new URL(href, base);
    url.hash = '';
    return url.origin === origin ? url.href : undefined;
  };
  // An API page's URL reads that page (and the ResourceModel pages it links); the index reads every API.
  const apiUrls = page.kind !== 'index' ? [indexUrl] : page.apis.map((api) => {
    if (!api.href) throw new HelpPageError(api.line, `the index lists ${api.method} ${api.path} without a link to its page`, indexUrl);
    const url = sameOrigin(api.href);
    if (!url) throw new HelpPageError(api.line, `the index links ${api.method} ${api.path} to another host (${api.href}); only ${origin} is read`, indexUrl);
    return url;
  });
  const fetched = new Map<string, string>();
  let queue = [...new Set(apiUrls)];
  while (queue.length > 0) {
    if (fetched.size + queue.length > MAX_PAGES) throw new HelpPageError(1, `more than ${MAX_PAGES} pages linked from the index`, indexUrl);
    const batch = queue.splice(0, PARALLEL);
    const texts = await Promise.all(batch.map((url) => fetchPage(url, options)));
    batch.forEach((url, i) => fetched.set(url, texts[i]!));
    // API and ResourceModel pages link the ResourceModel pages of the types they use.
    const linked = batch.flatMap((url, i) => modelLinks(texts[i]!, url).flatMap((href) => sameOrigin(href, url) ?? []));
    queue = [...new Set([...queue, ...linked.filter((u) => !fetched.has(u) && !queue.includes(u))])];
  }
  return assemble([...fetched].map(([source, text]) => ({ source, read: () => text })));
}

function modelLinks(html: string, source: string): string[] {
  try {
    const page = parsePage(html, source);
    return page.kind === 'index' ? [] : page.links.filter((href) => /ResourceModel\?modelName=/i.test(href));
  } catch {
    return []; // the page's own error is reported when the set is assembled
  }
}

async function fetchPage(url: string, options: HttpOptions): Promise<string> {
  const target = new URL(url);
  const outcome = await send(`${target.origin}/`, { method: 'GET', path: `${target.pathname}${target.search}`, headers: { accept: 'text/html' }, body: '' }, options);
  const response = outcome.response;
  if (!response || outcome.transportError) throw new HelpPageError(0, `could not fetch the page: ${outcome.transportError ?? 'no response'}`, url);
  if (response.status >= 300 && response.status < 400) {
    throw new HelpPageError(0, `the server redirects (HTTP ${response.status}) to ${response.headers['location'] ?? '(no Location)'}; redirects are not followed, give that URL`, url);
  }
  if (response.status !== 200) throw new HelpPageError(0, `HTTP ${response.status}, expected 200 and a Help Page`, url);
  if (response.truncated) throw new HelpPageError(0, `the page is larger than MAX_RESPONSE_BYTES (${options.maxResponseBytes} bytes)`, url);
  return response.body;
}
