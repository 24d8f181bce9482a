// The provider's own Help Pages, as the ASP.NET Web API HelpPage package serves them: `/Help`
// (the index: one table of API links with descriptions per controller), `/Help/Api/<id>`
// (an API page: description, request and response tables, samples, response codes) and
// `/Help/ResourceModel?modelName=X` (a complex type's table). Every page is generated from
// the same doc files the provider's actions are built from, read through the general Help
// Page model, so a client discovering the API from /Help sees what the provider serves.

import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { Annotations, ApiEndpoint, BodyDescription, ComplexType, Member, Sample } from '../doc/apiModel.ts';
import { assemble } from '../doc/docSet.ts';
import { ENDPOINTS } from './contract.ts';

const API_SET = assemble(ENDPOINTS.map((e) => ({ source: e.docFile, read: () => readFileSync(e.docFile, 'utf8') })));
if (API_SET.failures.length > 0) throw new Error(`reference provider: its Help Pages do not read: ${API_SET.failures.map((f) => f.message).join('; ')}`);
const APIS = API_SET.endpoints;

/** The HelpPage package's ApiDescription friendly id: `POST-api-v1-auth-login`. */
export function friendlyId(api: Pick<ApiEndpoint, 'method' | 'path'>): string {
  const [path, query] = api.path.split('?');
  const keys = query ? `_${query.split('&').map((p) => p.split('=')[0]).join('_').replace(/\./g, '-')}` : '';
  return `${api.method}-${path!.replace(/\//g, '-').replace(/[{}]/g, '')}${keys}`;
}

/** The controller Web API routes `api/v1/<controller>/...` to, as the index groups it. */
function controllerOf(api: ApiEndpoint): string {
  const segments = api.path.split(/[/?]/).filter((s) => !/^(?:api|v\d+)$/i.test(s));
  const name = segments[0] ?? 'Api';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const MODELS = new Map<string, ComplexType>();
for (const api of APIS) for (const type of api.types.values()) if (type.kind === 'complex') MODELS.set(type.name, type);

/** Writes the Help page `url` asks for and returns true, or returns false when `url` is not under /Help. */
export function helpPage(res: ServerResponse, method: string, url: string): boolean {
  const target = new URL(url, 'http://provider.invalid');
  const path = target.pathname.replace(/\/+$/, '').toLowerCase();
  if (path !== '/help' && !path.startsWith('/help/')) return false;
  if (method !== 'GET' && method !== 'HEAD') return false;
  const page = pageFor(path, target.searchParams);
  const body = Buffer.from(page?.html ?? layout('Not found', '<h2>The requested help page was not found.</h2>'), 'utf8');
  res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'private' });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}

function pageFor(path: string, query: URLSearchParams): { html: string } | undefined {
  if (path === '/help' || path === '/help/index') return { html: indexPage() };
  if (path.startsWith('/help/api/')) {
    const id = decodeURIComponent(path.slice('/help/api/'.length));
    const api = APIS.find((a) => friendlyId(a).toLowerCase() === id);
    return api && { html: apiPage(api) };
  }
  if (path === '/help/resourcemodel') {
    const name = query.get('modelName') ?? '';
    const model = [...MODELS.values()].find((m) => m.name.toLowerCase() === name.toLowerCase());
    return model && { html: resourceModelPage(model) };
  }
  return undefined;
}

function indexPage(): string {
  const controllers = [...new Set(APIS.map(controllerOf))];
  const groups = controllers.map((controller) => {
    const rows = APIS.filter((a) => controllerOf(a) === controller).map((a) => `
        <tr>
            <td class="api-name"><a href="/Help/Api/${escapeHtml(friendlyId(a))}">${escapeHtml(`${a.method} ${a.path}`)}</a></td>
            <td class="api-documentation">
                <p>${escapeHtml(a.description)}</p>
            </td>
        </tr>`).join('');
    return `<h2 id="${escapeHtml(controller)}">${escapeHtml(controller)}</h2>
<table class="help-page-table">
    <thead>
        <tr><th>API</th><th>Description</th></tr>
    </thead>
    <tbody>${rows}
    </tbody>
</table>`;
  });
  return layout('ASP.NET Web API Help Page', `<header class="help-page">
    <div class="content-wrapper">
        <div class="float-left">
            <h1>ASP.NET Web API Help Page</h1>
        </div>
    </div>
</header>
<div id="body" class="help-page">
    <section class="featured">
        <div class="content-wrapper">
            <h2>Introduction</h2>
            <p>
                Provide a general description of your APIs here.
            </p>
        </div>
    </section>
    <section class="content-wrapper main-content clear-fix">
${groups.join('\n')}
    </section>
</div>`);
}

/** The link back to the index every page but the index carries. */
const HOME_LINK = `    <section class="featured">
        <div class="content-wrapper">
            <p>
                <a href="/Help">Help Page Home</a>
            </p>
        </div>
    </section>`;

function apiPage(api: ApiEndpoint): string {
  const title = `${api.method} ${api.path}`;
  return layout(title, `<div id="body" class="help-page">
${HOME_LINK}
    <section class="content-wrapper main-content clear-fix">
<h1>${escapeHtml(title)}</h1>
<div>
    <p>${escapeHtml(api.description)}</p>

    <h2>Request Information</h2>

    <h3>URI Parameters</h3>
    ${api.uriParameters.length > 0 ? memberTable(api.uriParameters) : '<p>None.</p>'}

    <h3>Body Parameters</h3>
${bodySection(api.request, 'Request Formats')}

    <h2>Response Information</h2>
${api.responseCodes.length > 0 ? `
    <h3>Response Codes</h3>
    <ul>${api.responseCodes.map((c) => `
        <li>${escapeHtml(c.reason)} (${c.status})</li>`).join('')}
    </ul>
` : ''}
    <h3>Resource Description</h3>
${bodySection(api.response, 'Response Formats')}
</div>
    </section>
</div>`);
}

function bodySection(body: BodyDescription | undefined, formatsHeading: string): string {
  if (!body) return '    <p>None.</p>';
  const model = body.type.kind === 'named' ? MODELS.get(body.type.name) : undefined;
  const table = model ? `
    <a href="/Help/ResourceModel?modelName=${encodeURIComponent(model.name)}">${escapeHtml(model.name)}</a>
    ${memberTable(model.members)}` : `
    <p>${escapeHtml(body.typeText)}</p>`;
  return `
    <p>${escapeHtml(body.caption)}</p>
${table}
${body.samples.length > 0 ? `
        <h3>${formatsHeading}</h3>
<div>${body.samples.map(sampleBlock).join('')}
</div>` : ''}`;
}

function resourceModelPage(model: ComplexType): string {
  return layout(model.name, `<div id="body" class="help-page">
${HOME_LINK}
    <h1>${escapeHtml(model.name)}</h1>
    <p>${escapeHtml(model.description)}</p>
    <section class="content-wrapper main-content clear-fix">
    ${memberTable(model.members)}
    </section>
</div>`);
}

function memberTable(members: Member[]): string {
  const rows = members.map((m) => `
                <tr>
                    <td class="parameter-name">${escapeHtml(m.name)}</td>
                    <td class="parameter-documentation">
                        <p>${escapeHtml(m.description)}</p>
                    </td>
                    <td class="parameter-type">
                        ${typeCell(m)}
                    </td>
                    <td class="parameter-annotations">${annotationLines(m.annotations).map((line) => `
                            <p>${escapeHtml(line)}</p>`).join('')}
                    </td>
                </tr>`).join('');
  return `<table class="help-page-table">
        <thead>
            <tr><th>Name</th><th>Description</th><th>Type</th><th>Additional information</th></tr>
        </thead>
        <tbody>${rows}
        </tbody>
    </table>`;
}

function typeCell(member: Member): string {
  if (member.type.kind === 'named' && MODELS.has(member.type.name)) {
    return `<a href="/Help/ResourceModel?modelName=${encodeURIComponent(member.type.name)}">${escapeHtml(member.typeText)}</a>`;
  }
  return escapeHtml(member.typeText);
}

/** The generator's wording of the validation attributes (the reader's vocabulary, written back). */
function annotationLines(a: Annotations): string[] {
  const lines = [
    a.required && 'Required',
    a.dataType !== undefined && `Data type: ${a.dataType}`,
    a.range && `Range: inclusive between ${a.range.min} and ${a.range.max}`,
    a.stringLength && `String length: inclusive between ${a.stringLength.min} and ${a.stringLength.max}`,
    a.maxLength !== undefined && `Max length: ${a.maxLength}`,
    a.minLength !== undefined && `Min length: ${a.minLength}`,
    a.pattern !== undefined && `Matching regular expression pattern: ${a.pattern}`,
  ].filter((line): line is string => typeof line === 'string');
  return lines.length > 0 ? lines : ['None.'];
}

function sampleBlock(sample: Sample): string {
  const content = sample.format === 'json' || sample.format === 'xml' || sample.format === 'form'
    ? `<span><b>Sample:</b></span>
<pre class="wrapped">
${escapeHtml(sample.format === 'json' ? indentJson(sample.text) : sample.text)}
</pre>`
    : `<p>${escapeHtml(sample.text)}</p>`;
  return `
        <h4 class="sample-header">${escapeHtml(sample.mediaTypes.join(', '))}</h4>
        <div class="sample-content">
            ${content}
        </div>`;
}

/** Json.NET's indented form, as the sample generator writes it (key order kept). */
function indentJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function layout(title: string, content: string): string {
  return `<!DOCTYPE html>
<html>
<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>${escapeHtml(title)}</title>
</head>
<body>
    <div class="container body-content">
${content}
        <hr />
    </div>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
