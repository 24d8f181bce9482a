// The general endpoint model: what any ASP.NET Web API Help Page says about one action, in
// whatever rendering it came (text copy, HTML, a live /Help). Schemas, sample checks and the
// commands work from this; the refresh-token pipeline reads its own view of it (model.ts).

/** Where a fact came from, for messages: the file (or URL) and its 1-based line. */
export interface SourceLocation {
  source: string;
  line: number;
}

/** The generator's simple types, as the Type column spells them in English. */
export const PRIMITIVES = [
  'string', 'integer', 'boolean', 'date', 'decimal number', 'globally unique identifier',
  'time interval', 'byte', 'character', 'URI', 'Object',
] as const;
export type Primitive = (typeof PRIMITIVES)[number];

/** A Type cell, read: a simple type, a collection, a dictionary, or a named (complex or enum) type. */
export type TypeRef =
  | { kind: 'primitive'; name: Primitive }
  | { kind: 'collection'; items: TypeRef }
  | { kind: 'dictionary'; key: TypeRef; value: TypeRef }
  | { kind: 'named'; name: string };

/** The validation attributes the Additional information cell lists. */
export interface Annotations {
  required?: boolean;
  /** `Data type: X` (DataTypeAttribute: EmailAddress, Url, Password, ...). */
  dataType?: string;
  range?: { min: number; max: number };
  stringLength?: { min: number; max: number };
  maxLength?: number;
  minLength?: number;
  pattern?: string;
}

export interface Member {
  name: string;
  description: string;
  type: TypeRef;
  /** The Type cell as written, for messages. */
  typeText: string;
  annotations: Annotations;
  at: SourceLocation;
}

export interface ComplexType {
  kind: 'complex';
  name: string;
  description: string;
  members: Member[];
  /** A table on the API page, a ResourceModel page, or only the samples (then the types are guesses). */
  origin: 'table' | 'resource-model' | 'inferred';
  at: SourceLocation;
}

export interface EnumValue {
  name: string;
  value: string;
  description: string;
}

export interface EnumType {
  kind: 'enum';
  name: string;
  description: string;
  values: EnumValue[];
  at: SourceLocation;
}

/** A named type the page never describes and the sample shows as a plain value (an enum written by name, say). */
export interface ScalarType {
  kind: 'scalar';
  name: string;
  primitive: Primitive;
  at: SourceLocation;
}

export type TypeDefinition = ComplexType | EnumType | ScalarType;

/** What a sample block holds: a body, or the generator's note that it has none. */
export type SampleFormat = 'json' | 'xml' | 'form' | 'not-available' | 'failed';

export interface Sample {
  /** Media types that share this sample, in the page's order. */
  mediaTypes: string[];
  format: SampleFormat;
  text: string;
  at: SourceLocation;
}

export interface BodyDescription {
  /** The documentation paragraph of the body (e.g. "Refresh Token"). */
  caption: string;
  /** The body's type as the page links it (`TokenResponse`, `Collection of Order`). */
  typeText: string;
  type: TypeRef;
  samples: Sample[];
}

export interface ResponseCode {
  status: number;
  reason: string;
}

export interface ApiEndpoint {
  method: string;
  /** Relative path as the page writes it, without a leading slash (may hold `{id}` and a query). */
  path: string;
  description: string;
  uriParameters: Member[];
  /** Absent when the page says `None.`. */
  request?: BodyDescription;
  response?: BodyDescription;
  responseCodes: ResponseCode[];
  /** Every complex and enum type the endpoint's bodies reach, by name. */
  types: Map<string, TypeDefinition>;
  /** What the reader had to work around (a row whose name the copy lost), for the report. */
  notes: string[];
  at: SourceLocation;
}
