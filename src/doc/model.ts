// The refresh-token endpoint as its pipeline (committed schemas/, naming map, contracts,
// reference provider) types it: a narrowed view of the general model (apiModel.ts) that
// helpPage.ts derives, so nothing is typed twice by hand.

/** A documented value type, as the Help Page's "Type" column spells it. */
export type DocType = 'string' | 'integer' | 'boolean' | 'date' | 'decimal number';

export interface DocParameter {
  name: string;
  description: string;
  type: DocType;
  /** True when the description says "OPTIONAL". */
  optional: boolean;
  /** The value the description says applies when the parameter is absent. */
  defaultValue?: string;
  /** The `Data type: X` annotation (EmailAddress, Password, ...), when the page gives one. */
  dataType?: string;
  /** 1-based line of the doc where the row starts, for messages. */
  line: number;
}

export interface DocSample {
  /** Media types that share this sample, in the doc's order. */
  mediaTypes: string[];
  format: 'json' | 'xml';
  text: string;
  line: number;
}

export interface DocBody {
  /** The .NET type name (e.g. ConsincoRefreshTokenBindingModel). */
  typeName: string;
  /** The doc's one-line caption of the body (e.g. "Refresh Token"). */
  caption: string;
  fields: DocParameter[];
  samples: DocSample[];
}

export interface DocResponseCode {
  status: number;
  reason: string;
}

export interface EndpointModel {
  method: string;
  /** Path without a leading slash, as the doc writes it. */
  path: string;
  summary: string;
  uriParameters: DocParameter[];
  request: DocBody;
  responseCodes: DocResponseCode[];
  response: DocBody;
}
