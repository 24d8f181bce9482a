// Pact's core sends an anonymous usage event to www.google-analytics.com from the verifier (one
// per verified interaction, seen through a proxy). A gate in front of a production server must
// send only what `--list` shows, and a build machine may have no way out at all: the event stays
// off unless the user sets PACT_DO_NOT_TRACK themselves (docs.pact.io/metrics). Imported before Pact.

process.env['PACT_DO_NOT_TRACK'] ??= 'true';
