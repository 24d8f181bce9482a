// A bad setting, named by its variable: the run stops before the first request with exit 2. Its
// own module so the readers of single settings (proxies, selection) throw it without importing
// the whole configuration, which imports them.

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}
