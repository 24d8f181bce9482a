// The README is the user's entry point: its configuration table and its check table must name
// every variable (with its default) and every check the code knows, so they cannot drift.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CHECKS } from '../../src/checks/registry.ts';
import { CONFIG_VARIABLES } from '../../src/config/config.ts';
import { PRIMITIVES } from '../../src/doc/apiModel.ts';
import { ANNOTATION_WORDS } from '../../src/doc/vocabulary.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const tableRow = (first: string) => readme.split('\n').find((line) => line.startsWith(`| \`${first}\` |`));

describe('README', () => {
  for (const variable of CONFIG_VARIABLES) {
    it(`documents ${variable.name} with its default`, () => {
      const row = tableRow(variable.name);
      expect(row, `no configuration row for ${variable.name}`).to.be.a('string');
      const shown = variable.default.startsWith('(') ? variable.default : `\`${variable.default}\``;
      expect(row).to.contain(`| ${shown} |`);
    });
  }

  for (const phrase of [...PRIMITIVES, ...ANNOTATION_WORDS.split(', ').map((w) => w.replace(/ [A-Z]$/, ''))]) {
    it(`documents the Help Page phrase "${phrase}"`, () => {
      expect(readme).to.contain(`| \`${phrase}`);
    });
  }

  for (const check of CHECKS) {
    it(`documents the check ${check.id} with its level`, () => {
      expect(tableRow(check.id), `no check row for ${check.id}`).to.contain(`| ${check.level} |`);
    });
  }
});
