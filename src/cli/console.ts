// What the launcher prints around mocha's own output: a progress line per stage, and the closing
// block (reports, leak scan, summary, naming verdict, gate verdict) as the last lines of the log.
// Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org).

export function useColor(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true;
}

const CODES = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
export type Colour = keyof typeof CODES;

export function paint(text: string, colour: Colour, enabled = useColor()): string {
  return enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}

export function stageLogger(total: number, startedAt = performance.now()): (label: string) => void {
  let step = 0;
  return (label) => {
    step += 1;
    const elapsed = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(paint(`conformance [${step}/${total}] ${label} (+${elapsed}s)`, 'cyan'));
  };
}
