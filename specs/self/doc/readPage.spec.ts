// The reader on pages written here to the HelpPage markup and text layout, for what the corpus
// does not show: a collection body whose type is a link inside text, an enum ResourceModel
// page, a form-encoded sample (shown, not judged), URI parameters with annotations.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { assemble } from '../../../src/doc/docSet.ts';
import { parsePage } from '../../../src/doc/parsePage.ts';
import { checkSamples } from '../../../src/doc/sampleCheck.ts';
import { endpointSchemas } from '../../../src/schemas/endpointSchemas.ts';

const apiPage = `<!DOCTYPE html><html><head><title>Help</title></head><body>
<div class="navbar"><a class="navbar-brand" href="/">Application name</a></div>
<div id="body" class="help-page">
<section class="featured"><div class="content-wrapper"><p><a href="/Help">Help Page Home</a></p></div></section>
<section class="content-wrapper main-content clear-fix">
<h1>GET api/orders/{id}?status={status}</h1>
<div><p>Orders of a customer.</p>
<h2>Request Information</h2>
<h3>URI Parameters</h3>
<table class="help-page-table"><thead><tr><th>Name</th><th>Description</th><th>Type</th><th>Additional information</th></tr></thead>
<tbody>
<tr><td class="parameter-name">id</td><td class="parameter-documentation"><p>Customer.</p></td><td class="parameter-type">integer</td><td class="parameter-annotations"><p>Required</p><p>Range: inclusive between 1 and 999</p></td></tr>
<tr><td class="parameter-name">status</td><td class="parameter-documentation"><p></p></td><td class="parameter-type"><a href="/Help/ResourceModel?modelName=OrderStatus">OrderStatus</a></td><td class="parameter-annotations"><p>None.</p></td></tr>
</tbody></table>
<h3>Body Parameters</h3>
<p>None.</p>
<h2>Response Information</h2>
<h3>Resource Description</h3>
<p>The orders.</p>
Collection of <a href="/Help/ResourceModel?modelName=Order">Order</a>
<table class="help-page-table"><thead><tr><th>Name</th><th>Description</th><th>Type</th><th>Additional information</th></tr></thead>
<tbody>
<tr><td class="parameter-name">Number</td><td class="parameter-documentation"><p></p></td><td class="parameter-type">integer</td><td class="parameter-annotations"><p>None.</p></td></tr>
<tr><td class="parameter-name">Status</td><td class="parameter-documentation"><p></p></td><td class="parameter-type"><a href="/Help/ResourceModel?modelName=OrderStatus">OrderStatus</a></td><td class="parameter-annotations"><p>None.</p></td></tr>
</tbody></table>
<h3>Response Formats</h3>
<h4 class="sample-header">application/json, text/json</h4>
<div class="sample-content"><span><b>Sample:</b></span><pre class="wrapped">[ { "Number": 1, "Status": 0 }, { "Number": 1, "Status": 0 } ]</pre></div>
<h4 class="sample-header">application/xml, text/xml</h4>
<div class="sample-content"><span><b>Sample:</b></span><pre class="wrapped">&lt;ArrayOfOrder xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Shop"&gt;
  &lt;Order&gt;&lt;Number&gt;1&lt;/Number&gt;&lt;Status&gt;Open&lt;/Status&gt;&lt;/Order&gt;
&lt;/ArrayOfOrder&gt;</pre></div>
<h4 class="sample-header">application/x-www-form-urlencoded</h4>
<div class="sample-content"><span><b>Sample:</b></span><pre class="wrapped">Number=1&amp;Status=Open</pre></div>
</div></section></div></body></html>`;

const enumPage = `<html><body><h1>OrderStatus</h1><p>Possible enumeration values:</p>
<table class="help-page-table"><thead><tr><th>Name</th><th>Value</th><th>Description</th></tr></thead>
<tbody><tr><td class="enum-name"><b>Open</b></td><td class="enum-value"><p>0</p></td><td class="enum-description"><p></p></td></tr>
<tr><td class="enum-name"><b>Closed</b></td><td class="enum-value"><p>1</p></td><td class="enum-description"><p>Done.</p></td></tr></tbody></table></body></html>`;

describe('Help Page reader on HelpPage markup', () => {
  const set = assemble([
    { source: 'http://shop/Help/Api/GET-api-orders-id_status', read: () => apiPage },
    { source: 'http://shop/Help/ResourceModel?modelName=OrderStatus', read: () => enumPage },
  ]);
  const endpoint = set.endpoints[0]!;

  it('reads the action, its description and annotated URI parameters, skipping the site layout', () => {
    expect(set.failures).to.deep.equal([]);
    expect([endpoint.method, endpoint.path, endpoint.description]).to.deep.equal(['GET', 'api/orders/{id}?status={status}', 'Orders of a customer.']);
    expect(endpoint.uriParameters.map((p) => [p.name, p.typeText, p.annotations])).to.deep.equal([
      ['id', 'integer', { required: true, range: { min: 1, max: 999 } }],
      ['status', 'OrderStatus', {}],
    ]);
    expect(endpoint.request).to.equal(undefined);
  });

  it('reads a collection body whose element type is a link inside the text, and its enum from the ResourceModel page', () => {
    expect(endpoint.response?.typeText).to.equal('Collection of Order');
    expect(endpoint.types.get('Order')).to.include({ kind: 'complex', origin: 'table' });
    expect(endpoint.types.get('OrderStatus')).to.deep.include({ kind: 'enum', values: [{ name: 'Open', value: '0', description: '' }, { name: 'Closed', value: '1', description: 'Done.' }] });
  });

  it('validates the JSON and XML samples and shows the form sample without judging it', async () => {
    const [verdict] = await checkSamples([endpointSchemas(endpoint)]);
    expect([verdict!.valid, verdict!.total]).to.deep.equal([2, 2]);
    expect(verdict!.unchecked.map((s) => s.mediaTypes)).to.deep.equal([['application/x-www-form-urlencoded']]);
  });

  it('keeps each sample\'s line in a text copy, for messages', () => {
    const text = readFileSync('docs/refresh-token.help.txt', 'utf8');
    const page = parsePage(text, 'refresh-token.help.txt');
    expect(page.kind).to.equal('api');
    if (page.kind === 'api') expect(page.endpoint.response?.samples.map((s) => s.at.line)).to.deep.equal([88, 91]);
  });
});
