// `npm run validate` as a user runs it: the verdict, the recognised naming and the exit code
// on the doc's samples, on a broken copy of each, and on unusable input.

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REQUEST_JSON, REQUEST_XML, RESPONSE_JSON, RESPONSE_XML, responseObject } from '../support/docSamples.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));

async function validate(name: string, content: string | undefined, ...args: string[]) {
  const file = join(dir, name);
  if (content !== undefined) writeFileSync(file, content);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/validate/cli.ts', file, ...args]);
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run validate', function () {
  this.timeout(30000);

  const valid: [string, string, RegExp][] = [
    ['request.json', REQUEST_JSON, /JSON request\nVALID/],
    ['request.xml', REQUEST_XML, /XML request\nVALID/],
    ['response.json', RESPONSE_JSON, /naming: recognised backing-field, validated as backing-field[\s\S]*VALID/],
    ['response.xml', RESPONSE_XML, /naming: recognised backing-field[\s\S]*VALID/],
    ['documented.json', JSON.stringify(responseObject('documented')), /naming: recognised documented, validated as documented\nVALID/],
  ];
  for (const [name, content, verdict] of valid) {
    it(`says VALID and exits 0 on ${name}`, async () => {
      const result = await validate(name, content);
      expect(result.out).to.match(verdict);
      expect(result.code).to.equal(0);
    });
  }

  const broken: [string, string, RegExp][] = [
    ['request-broken.json', REQUEST_JSON.replace('"refresh_token": "sample string 1", ', ''), /refresh_token.*Received: no such member/],
    ['request-broken.xml', REQUEST_XML.replace('AuthenticationServer.Models', 'Wrong'), /Received: root element \{[^}]*Wrong\}ConsincoRefreshTokenBindingModel/],
    ['response-broken.json', RESPONSE_JSON.replace('"<isExt>k__BackingField": true', '"<isExt>k__BackingField": "true"'), /<isExt>k__BackingField.*Received: "true" \/ Expected: a value of type boolean/],
    ['response-broken.xml', RESPONSE_XML.replace('>6<', '>abc<'), /_x003C_id_x003E_k__BackingField.*Received: 'abc'/],
    ['malformed.json', '{"a": ', /Received: malformed JSON/],
  ];
  for (const [name, content, problem] of broken) {
    it(`says INVALID, names the problem and exits 1 on ${name}`, async () => {
      const result = await validate(name, content);
      expect(result.out).to.match(/INVALID/);
      expect(result.out).to.match(problem);
      expect(result.code).to.equal(1);
    });
  }

  it('validates against the naming it is told, even when another is recognised', async () => {
    const result = await validate('told.json', RESPONSE_JSON, '--naming', 'documented');
    expect(result.out).to.match(/recognised backing-field, validated as documented[\s\S]*INVALID/);
    expect(result.code).to.equal(1);
  });

  const unusable: [string, string | undefined, string[], RegExp][] = [
    ['missing.json', undefined, [], /cannot read .*missing\.json: ENOENT/],
    ['notes.txt', 'hello', [], /neither JSON nor XML/],
    ['empty.json', '', [], /the file is empty/],
    ['kind.json', RESPONSE_JSON, ['--kind', 'token'], /--kind must be one of request, response, error/],
  ];
  for (const [name, content, args, message] of unusable) {
    it(`exits 2 with a clear message on ${name} ${args.join(' ')}`.trim(), async () => {
      const result = await validate(name, content, ...args);
      expect(result.out).to.match(message);
      expect(result.out).not.to.match(/\n\s+at /);
      expect(result.code).to.equal(2);
    });
  }
});
