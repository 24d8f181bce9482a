// Web API's model validation after binding: the DataAnnotations attributes a Help Page lists
// under Additional information (Required, StringLength, RegularExpression, Range, MaxLength,
// MinLength), checked on the bound values with .NET's default messages, every failure kept
// under its ModelState key as Web API collects them. Only Required judges a missing or null
// value (and a blank string); the other attributes pass null, and a pattern passes "".
// `Data type: X` (DataTypeAttribute) never validates.

import type { BindingMember, BindingModel } from './contract.ts';
import type { BoundModel, BoundValue } from './requestBinding.ts';

/** One ModelState entry: `model.<member>` and its messages. */
export interface ValidationFailure {
  key: string;
  messages: string[];
  /** True when the member is Required and absent, null or blank. */
  missing: boolean;
}

type Rule = (value: Exclude<BoundValue, null>, member: BindingMember, name: string) => string | undefined;

const RULES: Rule[] = [
  (value, { annotations }, name) => {
    const length = annotations?.stringLength;
    if (!length || typeof value !== 'string' || (value.length >= length.min && value.length <= length.max)) return undefined;
    return length.min > 0
      ? `The field ${name} must be a string with a minimum length of ${length.min} and a maximum length of ${length.max}.`
      : `The field ${name} must be a string with a maximum length of ${length.max}.`;
  },
  (value, { annotations }, name) => {
    const pattern = annotations?.pattern;
    if (pattern === undefined || value === '' || wholeMatch(pattern, String(value))) return undefined;
    return `The field ${name} must match the regular expression '${pattern}'.`;
  },
  (value, { annotations }, name) => {
    const range = annotations?.range;
    const number = Number(value);
    if (!range || (number >= range.min && number <= range.max)) return undefined;
    return `The field ${name} must be between ${range.min} and ${range.max}.`;
  },
  (value, { annotations }, name) => {
    const max = annotations?.maxLength;
    if (max === undefined || String(value).length <= max) return undefined;
    return `The field ${name} must be a string or array type with a maximum length of '${max}'.`;
  },
  (value, { annotations }, name) => {
    const min = annotations?.minLength;
    if (min === undefined || String(value).length >= min) return undefined;
    return `The field ${name} must be a string or array type with a minimum length of '${min}'.`;
  },
];

/** The ModelState errors of a bound model, in member order; empty when it is valid. */
export function validateModel(bound: BoundModel, model: BindingModel): ValidationFailure[] {
  return model.members.flatMap((member): ValidationFailure[] => {
    const value = bound.get(member.key);
    const name = member.key;
    const key = `model.${name}`;
    const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (blank && member.annotations?.required) return [{ key, messages: [`The ${name} field is required.`], missing: true }];
    if (value === undefined || value === null) return [];
    const messages = RULES.map((rule) => rule(value, member, name)).filter((m): m is string => m !== undefined);
    return messages.length > 0 ? [{ key, messages, missing: false }] : [];
  });
}

/**
 * RegularExpressionAttribute: the pattern must match the whole value (a match at 0 as long as
 * the value). A .NET pattern JavaScript cannot compile is not judged.
 */
function wholeMatch(pattern: string, value: string): boolean {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch {
    return true;
  }
  const match = regex.exec(value);
  return match !== null && match.index === 0 && match[0].length === value.length;
}
