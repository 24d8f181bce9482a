// Mutants that cannot change behaviour, so no test can kill them, each with the reason. Stryker
// skips every mutant inside a listed piece of code (an expression, matched by file and text).

import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const EQUIVALENT = [
  {
    file: 'src/naming/namingMap.ts',
    code: 'a > b ? 1 : 0',
    reason: 'Array.prototype.sort in V8 only reads whether the comparator is negative; 1 and 0 sort alike',
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
];

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'equivalent', {
    shouldIgnore(path) {
      const file = path.hub?.file?.opts?.filename ?? '';
      const code = path.hub?.file?.code;
      if (!code || path.node.start == null) return undefined;
      const text = code.slice(path.node.start, path.node.end);
      return EQUIVALENT.find((e) => file.replaceAll('\\', '/').endsWith(e.file) && text === e.code)?.reason;
    },
  }),
];
