// The run's selection from its configuration: a pattern that matches nothing is a configuration
// error (exit 2, naming ONLY or SKIP), so a typo never silently runs everything.

import { ConfigError, type Config } from '../config/config.ts';
import { select, SelectionError, type Selection } from './select.ts';

export type { Selection } from './select.ts';

export function selectionFor(config: Pick<Config, 'only' | 'skip' | 'profile'>): Selection {
  try {
    return select(config);
  } catch (error) {
    if (error instanceof SelectionError) throw new ConfigError(error.variable, error.message.slice(error.variable.length + 2));
    throw error;
  }
}
