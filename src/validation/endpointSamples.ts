// Messages against the schemas generated for any Help Page endpoint: JSON through ajv, XML
// through one XSD batch for all documents of a call (the XSD sets are written to a scratch
// folder, one subfolder per endpoint). Used for the page's own samples (`doc check`) and for a
// captured message (`validate --doc`).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { NamedSchemas } from '../schemas/endpointSchemas.ts';
import type { XsdSet } from '../schemas/endpointXsd.ts';
import { createAjv, jsonProblems } from './jsonBody.ts';
import type { SchemaProblem } from './problem.ts';
import { validateXmlDocuments, type XsdTarget } from './xsdBatch.ts';
import { parseXmlDocument } from '../xml/safeParse.ts';
import { redact } from '../redaction/redactor.ts';

export interface MessageToValidate {
  schemas: NamedSchemas;
  format: 'json' | 'xml';
  text: string;
  /** `shape` for the Help Page's own samples, `contract` (with the annotations) for real messages. */
  strictness: 'shape' | 'contract';
}

function noXsd(xml: string): SchemaProblem {
  try {
    parseXmlDocument(xml);
  } catch (error) {
    return { path: '(document)', received: redact((error as Error).message), expected: 'a well-formed XML document without DOCTYPE' };
  }
  return { path: '(document)', received: 'an XML message', expected: 'JSON: the page shows no well-formed XML sample, so it gives no DataContract namespace for an XSD' };
}

export class EndpointValidator {
  private readonly ajv = createAjv();
  private readonly compiled = new Map<Record<string, unknown>, ValidateFunction>();
  private readonly written = new Map<XsdSet, XsdTarget>();
  private folder: string | undefined;

  async validate(messages: readonly MessageToValidate[]): Promise<SchemaProblem[][]> {
    const results: SchemaProblem[][] = messages.map(() => []);
    const xml: { index: number; target: XsdTarget; xml: string }[] = [];
    messages.forEach((message, index) => {
      if (message.format === 'json') {
        results[index] = this.validateJson(message);
        return;
      }
      const set = message.strictness === 'shape' ? message.schemas.xsdShape : message.schemas.xsd;
      if (!set) {
        results[index] = [noXsd(message.text)];
        return;
      }
      xml.push({ index, target: this.target(set), xml: message.text });
    });
    const found = await validateXmlDocuments(xml.map((x) => ({ target: x.target, xml: x.xml })));
    found.forEach((problems, i) => { results[xml[i]!.index] = problems; });
    return results;
  }

  private validateJson(message: MessageToValidate): SchemaProblem[] {
    let value: unknown;
    try {
      value = JSON.parse(message.text);
    } catch (error) {
      return [{ path: '(document)', received: `malformed JSON (${(error as Error).message})`, expected: 'a well-formed JSON document' }];
    }
    const schema = message.strictness === 'shape' ? message.schemas.jsonShape : message.schemas.json;
    let validate = this.compiled.get(schema);
    if (!validate) {
      // Pages of one set may document the same endpoint, so ids repeat; references are local.
      const { $id: _id, ...anonymous } = schema;
      validate = this.ajv.compile(anonymous);
      this.compiled.set(schema, validate);
    }
    return jsonProblems(validate, value);
  }

  private target(set: XsdSet): XsdTarget {
    let target = this.written.get(set);
    if (!target) {
      this.folder ??= mkdtempSync(join(tmpdir(), 'help-page-xsd-'));
      const dir = join(this.folder, String(this.written.size));
      mkdirSync(dir);
      for (const [name, text] of set.files) writeFileSync(join(dir, name), text);
      target = {
        xsd: join(dir, set.main),
        namespace: set.root.namespace,
        root: set.root.name,
        namespaces: new Map([...set.namespaces].map(([ns, file]) => [ns, join(dir, file)])),
      };
      this.written.set(set, target);
    }
    return target;
  }
}
