// The outline in the plain shapes the rendering specs compare whole: sections as a list, and
// short builders for a text line and a section.

import type { PageOutline } from '../../../src/doc/outline.ts';

export const plain = (o: PageOutline) => ({ ...o, sections: [...o.sections.values()] });
export const text = (no: number, t: string) => ({ kind: 'text', line: { no, text: t } });
export const section = (no: number, heading: string, items: unknown[]) => ({ heading: { no, text: heading }, items });
