// The formats a JSON Schema of the suite may name. The .NET date form is a named format so every
// schema that says `format: dotnet-date-time` means the same thing. Its own module: the build's
// precompiled validators (precompiledSchemas.ts) read their formats from here too.

import type { Format } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { DOTNET_DATE_FORMAT, DOTNET_DATE_PATTERN } from '../schemas/jsonSchemas.ts';

const DATE = new RegExp(DOTNET_DATE_PATTERN);

/** The date part must also be a real calendar date and time (no 2025-02-30T25:61:00). */
export function isDotnetDateTime(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, mo, d, h, mi, s] = value.match(/\d+/g)!.slice(0, 6).map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 59;
}

/** Every format a schema may name: the .NET date, and those the Help Page's Data type annotations and URI members map to. */
export const SCHEMA_FORMATS: Readonly<Record<string, Format>> = {
  [DOTNET_DATE_FORMAT]: { type: 'string', validate: isDotnetDateTime },
  email: fullFormats.email,
  uri: fullFormats.uri,
  'uri-reference': fullFormats['uri-reference'],
  date: fullFormats.date,
  uuid: fullFormats.uuid,
};

