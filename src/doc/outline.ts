// What every rendering of a Help Page reduces to before it is read: a title, the lines under
// it, and per section its text lines, tables (rows of cells) and samples, each with the line it
// started on. Text copies and HTML each build this; one reader (readPage.ts) turns it into
// the endpoint model, so the renderings cannot drift apart in meaning.

import type { Column, Heading } from './vocabulary.ts';

export interface Line {
  no: number;
  text: string;
}

export interface TableRow {
  cells: string[];
  line: number;
  /** HTML only: the first link of each cell (an API page, a ResourceModel page), '' where none. */
  links?: string[];
}

export type Item =
  | { kind: 'text'; line: Line }
  | {
    kind: 'table';
    columns: readonly Column[];
    /** The type name a text copy glues to the header (`TokenResponseName | Description ...`). */
    glued: string;
    rows: TableRow[];
    line: number;
    /** Set for a parameter row whose name cell the copy lost: its position among the rows. */
    nameless?: number[];
  }
  | { kind: 'sample'; mediaTypes: string[]; text: string; line: number };

export interface Section {
  heading: Line;
  items: Item[];
}

export interface PageOutline {
  /** File path or URL. */
  source: string;
  rendering: 'text' | 'html';
  /** The page's last line with text: a sample or table reaching it may be cut off. */
  lastLine?: number;
  /** `POST api/x` on an API page, the type name on a ResourceModel page, the h1 of an index. */
  title?: Line;
  /** Lines between the title and the first section (the action's description). */
  preamble: Item[];
  sections: Map<Heading, Section>;
  /** What the reader assumed to read the page (a restored heading, an unlabelled sample). */
  notes?: string[];
  /** HTML only: every link on the page, for following an index to its API and ResourceModel pages. */
  links?: string[];
}

/** A page that cannot be read: where, and what was expected there. */
export class HelpPageError extends Error {
  constructor(readonly line: number, readonly reason: string, readonly source?: string) {
    super(`${source ? `${source}: ` : ''}help page line ${line}: ${reason}`);
    this.name = 'HelpPageError';
  }

  /** The same error, now knowing which file or URL it is about. */
  at(source: string): HelpPageError {
    return this.source ? this : new HelpPageError(this.line, this.reason, source);
  }
}
