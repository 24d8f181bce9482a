// Mutants that cannot change behaviour, so no test can kill them, each with the reason. Stryker
// skips every mutant inside a listed piece of code (an expression, matched by file and text, and
// by the text of the expression around it where the same text stands elsewhere in the file).

import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const EQUIVALENT = [
  {
    file: 'src/naming/namingMap.ts',
    code: 'a > b ? 1 : 0',
    reason: 'Array.prototype.sort in V8 only reads whether the comparator is negative; 1 and 0 sort alike',
  },
  {
    file: 'src/redaction/leakScan.ts',
    code: 'UNCHANGED_BY_EVERY_FORM.test(secret)',
    reason: 'a shortcut: for a token of those characters the general path gives the raw form alone too (its "always false" mutant is lost with it)',
  },
  {
    file: 'src/redaction/leakScan.ts',
    code: "'utf8'",
    in: "readFileSync(file, 'utf8')",
    reason: 'in scanFiles only: read without an encoding the file is a Buffer, and Buffer.includes looks for a string as its UTF-8 bytes, which are there exactly where the text holds it (scrubLeaks, which splits the text, keeps its own mutant)',
  },
  {
    file: 'src/redaction/redactor.ts',
    code: 'out.includes(secret)',
    reason: 'a shortcut: split/join on an absent token returns the text unchanged (its "always false" mutant is lost with it)',
  },
  {
    file: 'src/redaction/redactor.ts',
    code: 'out.includes(credential)',
    reason: 'a shortcut: replacing an absent password returns the text unchanged (its "always false" mutant is lost with it)',
  },
  {
    file: 'src/redaction/redactor.ts',
    code: 'text.length <= CACHED_TEXT_CHARS',
    reason: 'which texts the cache of redacted texts keeps only changes memory and speed: a text not kept is redacted afresh, alike',
  },
  {
    file: 'src/redaction/redactor.ts',
    code: 'redactedBefore.size >= CACHED_TEXTS',
    reason: 'when the cache of redacted texts is emptied only changes memory and speed: an emptied cache redacts afresh, alike',
  },
  {
    file: 'src/validation/endpointResponses.ts',
    code: '!compiled',
    reason: 'compiling an endpoint\'s schema again on every call validates alike; keeping it only saves time',
  },
  {
    file: 'src/validation/endpointResponses.ts',
    code: '{\n  schemasFor(endpoint, naming)?.json();\n}',
    reason: 'compileResponseSchema only moves the compiling ahead (while the JVM works); without it the first body compiles what it needs, and is judged alike',
  },
  {
    file: 'src/validation/jsonBody.ts',
    code: '!validate',
    reason: 'compiling a committed schema again on every call validates alike; the cache only saves time (the test\'s other mutants are lost with it)',
  },
  {
    file: 'src/validation/jsonBody.ts',
    code: '{\n  compiler = undefined;\n  validators.clear();\n}',
    reason: 'forgetCompiledSchemas only makes the next validation compile afresh, for tests; without it the cached validators judge alike',
  },
  {
    file: 'src/validation/jsonBody.ts',
    code: '{ optimize: false }',
    reason: "ajv's optimizing passes change how fast the generated code runs and how long it takes to compile, never what it accepts",
  },
  {
    file: 'src/http/charset.ts',
    code: "'utf8'",
    in: "Buffer.from(text, 'utf8')",
    reason: "Buffer.from reads a string without an encoding (an empty one included) as UTF-8",
  },
  {
    file: 'src/http/charset.ts',
    code: "'utf-8'",
    in: "charset ?? 'utf-8'",
    reason: 'no encoder is named by any other string, so the fallback to the UTF-8 encoder right after it writes alike',
  },
  {
    file: 'src/http/charset.ts',
    code: "''",
    in: "contentType ?? ''",
    reason: 'an absent Content-Type: any text without a charset parameter in place of the empty string gives no charset alike',
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: '[...b.targets.values()].every((t) => t.xsd === doc.target.xsd || t.namespace !== doc.target.namespace || t.root !== doc.target.root)',
    reason: "redundant with the namespace-file test before it: a target's namespaces name its own namespace's file (XsdTarget's contract, every caller's), so another XSD of that namespace already conflicts there",
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: 'targets.map((t) => `${t.xsd}#${t.root}`).sort()',
    reason: 'only the wrapper cache\'s hit rate depends on the order: the same targets in another order get a wrapper of their own that validates alike (the key\'s other mutants are lost with it)',
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: "'|'",
    reason: 'the wrapper cache key\'s separator: absolute schema paths, each followed by #root, do not run into one another without it',
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: 'known',
    in: 'if (known) return known;',
    reason: 'the wrapper cache only saves a write: a miss writes the same schema to a new file (its "always true" mutant, which returns no file, is lost with it)',
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: 'fatalOwner !== undefined',
    in: 'fatalOwner !== undefined && fatalOwner < documents.length - 1',
    reason: 'undefined < n is false, so the comparison alone already refuses an absent fatal document (the test is there for the type checker; its other mutants are lost with it)',
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: 'next.path === p.path',
    reason: "Xerces reports a bad value as cvc-datatype-valid (no element) then, at the same position, cvc-type (the element): a problem without an element followed by one with an element and the same Received is always that pair (the test's other mutants are lost with it)",
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: "'consinco-xsd-'",
    reason: 'the name of the scratch folder the wrapper schemas are written to',
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: 'previous.path === p.path',
    reason: "a cvc-type problem's previous problem with the same Received is always its own cvc-datatype-valid one, at the same position (the test's other mutants are lost with it)",
  },
  {
    file: 'src/validation/xsdBatch.ts',
    code: '/^\\[\\w+\\] /',
    reason: "every message runXerces returns opens with its level tag, so the first match is at the start with or without the anchor (the pattern's other mutants are lost with it)",
  },
  {
    file: 'src/doc/docSet.ts',
    code: 'a.name > b.name ? 1 : 0',
    reason: "readdir on Linux (libuv's scandir with alphasort, in the C locale Node keeps) already lists a folder in code-unit order, so V8's sort only ever asks the comparator about names in order there and this branch answers nothing it reads; the sort is for Windows, whose listing order differs",
  },
  {
    file: 'src/doc/docSet.ts',
    code: '[]',
    in: 'parsed: Page[] = []',
    reason: 'every entry the collected pages start with is passed over by both kind filters that read them (resource-model, api), so a stray first entry changes nothing',
  },
  {
    file: 'src/doc/liveHelp.ts',
    code: "'GET'",
    in: "method: 'GET'",
    reason: "node:http sends GET when the method is empty, so the request the server sees is the same",
  },
  {
    file: 'src/validation/endpointResponses.ts',
    code: "'endpoint-xsd-'",
    reason: 'the name of the scratch folder the response XSDs are written to',
  },
  {
    file: 'src/validation/endpointSamples.ts',
    code: "'help-page-xsd-'",
    reason: 'the name of the scratch folder the XSD sets are written to',
  },
  {
    file: 'src/validation/endpointSamples.ts',
    code: 'messages.map(() => [])',
    reason: "every message's place is written before validate returns (JSON and XML without an XSD at once, XML with one from the batch's answer), so the places' first values are never read",
  },
  {
    file: 'src/validation/endpointSamples.ts',
    code: '[]',
    in: 'xml: { index: number; target: XsdTarget; xml: string }[] = []',
    reason: "a stray first entry holds no XML document: the batch's preflight answers it without a JVM, and that answer lands on no message's place",
  },
  {
    file: 'src/checks/contentType.ts',
    code: "''",
    in: "header ?? ''",
    reason: 'any text that names no supported charset reads as no Accept-Charset at all: the ranked list then offers utf-8 and utf-16 nothing either way',
  },
  {
    file: 'src/checks/caching.ts',
    code: "''",
    in: "response.headers['date'] ?? ''",
    reason: 'without a Date header any stand-in text parses to NaN, as the empty one does: no Expires is after NaN either way',
  },
  {
    file: 'src/checks/tokenSemantics.ts',
    code: "''",
    in: "fields.get('token_type') ?? ''",
    reason: 'a null token_type reads as some text that is not "bearer" either way; the message shows the value itself, not this stand-in',
  },
  {
    file: 'src/checks/tokenSemantics.ts',
    code: "''",
    in: "dateHeader ?? ''",
    reason: 'without a Date header any stand-in text parses to NaN, as the empty one does, and the clock is then not judged',
  },
  {
    file: 'src/checks/xmlDataContract.ts',
    code: "''",
    in: "contentType ?? ''",
    reason: 'without a Content-Type any stand-in text that names no charset leaves utf-8 expected, as the empty one does',
  },
  {
    file: 'src/checks/naming.ts',
    code: "'unknown'",
    in: "[json, xml].find((v) => v === 'mixed' || v === 'unknown') ?? json ?? xml ?? 'unknown'",
    reason: 'never reached: a run with a classified token body has a JSON or an XML verdict, and one without returned before',
  },
  {
    file: 'src/checks/body.ts',
    code: 'default: return undefined;',
    reason: 'without the default case the switch falls through to the end of the function, which returns undefined as well',
  },
  {
    file: 'src/checks/caching.ts',
    code: "''",
    in: "response.headers['cache-control'] ?? ''",
    reason: 'without a Cache-Control header any stand-in text reads as one unknown directive, which marks nothing, as no directive does',
  },
  {
    file: 'src/checks/caching.ts',
    code: '[]',
    in: 'name ? [{ name: name.toLowerCase(), ...(value !== undefined ? { value: value.replace(/^"|"$/g, \'\') } : {}) }] : []',
    reason: 'an empty part (a trailing comma) stands for no directive; a stand-in element has no name, so no directive test matches it either',
  },
  {
    file: 'src/doc/resolveTypes.ts',
    code: '!json',
    in: 'if (!json) return {};',
    reason: 'a shortcut: without a JSON sample, reading undefined.text throws inside the try below and its catch returns the same nothing (its "always true" mutant is lost with it)',
  },
  {
    file: 'src/doc/resolveTypes.ts',
    code: "'primitive'",
    in: "case 'primitive': return;",
    reason: 'a primitive that matches no case leaves the switch and returns alike',
  },
  {
    file: 'src/doc/resolveTypes.ts',
    code: '[]',
    in: 'object ? Object.keys(object) : []',
    reason: 'the keys only pick a member\'s value out of the sample object; without an object every value is undefined whatever the keys',
  },
  {
    file: 'src/doc/helpPage.ts',
    code: "member.type.kind !== 'primitive'",
    reason: 'there for the type checker: a collection, dictionary or named type has no name among the documented primitives, so the includes test after it refuses it alike (its other mutants are lost with it)',
  },
  ...['/^\\{/', '/\\}$/', '/^"[^"]*":/'].map((code) => ({
    file: 'src/validation/xsdBatch.ts',
    code,
    reason: 'Xerces writes {"namespace":name}; neither a namespace URI (RFC 3986) nor an XML name holds braces or quotes, so the first { opens, the only } closes and the first quoted part is the namespace, anchored or not (the pattern\'s other mutants are lost with it)',
  })),
  {
    file: 'src/doc/htmlRendering.ts',
    code: 'i < html.length',
    reason: 'one step past the end reads html[html.length], undefined, which is never a line break: the same line starts',
  },
  {
    file: 'src/doc/htmlRendering.ts',
    code: '/\\s+/g',
    in: "node.data.replace(/\\s+/g, ' ')",
    reason: 'rawText only feeds blockText, which collapses each line\'s runs of spaces again: a text node\'s run turned into several spaces reads alike',
  },
  {
    file: 'src/doc/htmlRendering.ts',
    code: 'lineStarts.length - 1',
    reason: "the line search's upper bound: one past the last line start only probes an undefined start, which never compares <= an offset, so the search moves down to the same line",
  },
];

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'equivalent', {
    shouldIgnore(path) {
      const file = path.hub?.file?.opts?.filename ?? '';
      const code = path.hub?.file?.code;
      if (!code || path.node.start == null) return undefined;
      const text = code.slice(path.node.start, path.node.end);
      const parent = path.parent?.start == null ? undefined : code.slice(path.parent.start, path.parent.end);
      return EQUIVALENT.find((e) => file.replaceAll('\\', '/').endsWith(e.file) && text === e.code && (e.in === undefined || parent === e.in))?.reason;
    },
  }),
];
