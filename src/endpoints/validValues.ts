// Values a page's own validation attributes accept. Help Page samples are made by type alone
// ("sample string 3"), so a member with a RegularExpression, StringLength or Range attribute
// often carries a sample its own rules refuse; a probe that means "a valid request" needs a value
// that keeps them. Patterns are turned into a matching string by RandExp (as JSON Schema fakers
// do), with a fixed seed so every run sends the same bodies.

import { createRequire } from 'node:module';
import type { Annotations, Member } from '../doc/apiModel.ts';

/** What the probes use of RandExp: CommonJS (module.exports = the class), whose typings NodeNext cannot construct. */
interface PatternGenerator {
  max: number;
  randInt(a: number, b: number): number;
  gen(): string;
}
const RandExp = createRequire(import.meta.url)('randexp') as new (pattern: string) => PatternGenerator;

/** A small deterministic generator (mulberry32), so the same page always gives the same values. */
function seeded(seed: number): (a: number, b: number) => number {
  let state = seed >>> 0;
  return (a, b) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return a + Math.floor(unit * (b - a + 1));
  };
}

function lengthBounds(a: Annotations): { min: number; max: number } {
  return {
    min: Math.max(a.stringLength?.min ?? 0, a.minLength ?? 0),
    max: Math.min(a.stringLength?.max ?? Number.MAX_SAFE_INTEGER, a.maxLength ?? Number.MAX_SAFE_INTEGER),
  };
}

/** Whether a value keeps the member's attributes (a RegularExpression must match the whole value, as .NET's does). */
export function keepsAnnotations(value: unknown, a: Annotations): boolean {
  if (typeof value === 'number') return !a.range || (value >= a.range.min && value <= a.range.max);
  if (typeof value !== 'string') return true;
  const { min, max } = lengthBounds(a);
  if (value.length < min || value.length > max) return false;
  return !a.pattern || new RegExp(`^(?:${a.pattern})$`).test(value);
}

/** A value of the member's type its attributes accept, or undefined when none could be made. */
export function validValue(member: Member, sample: unknown): unknown {
  const a = member.annotations;
  if (keepsAnnotations(sample, a)) return sample;
  if (typeof sample === 'number') return a.range ? a.range.min : sample;
  const { min, max } = lengthBounds(a);
  if (!a.pattern) return 'x'.repeat(Math.max(min, Math.min(max, 8)));
  const generator = new RandExp(a.pattern);
  generator.max = Math.min(max, 16);
  generator.randInt = seeded(member.name.length * 7919 + min);
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = generator.gen();
    if (keepsAnnotations(value, a)) return value;
  }
  return undefined;
}

/** A value of each simple type Web API binds from a URI. */
const URI_VALUES: Record<string, string | number> = {
  integer: 1, 'decimal number': 1, byte: 1, boolean: 'true', date: '2025-01-10', 'globally unique identifier': '00000000-0000-0000-0000-000000000001', 'time interval': '00:00:01',
};

/** A URI parameter's value: one of its type that its attributes accept. */
export function uriValue(parameter: Member): string {
  const typed = parameter.type.kind === 'primitive' ? URI_VALUES[parameter.type.name] ?? 'sample' : 'sample';
  return String(validValue(parameter, typed) ?? typed);
}
