// Pact's core is Rust, loaded into this process. With RUST_BACKTRACE=1 in the environment, as on
// many build machines, it appends a library backtrace to every body it cannot parse, and that
// lands in the run's output under the finding. Library backtraces stay off unless
// RUST_LIB_BACKTRACE asks for them (panics still follow RUST_BACKTRACE). Imported before Pact.

process.env['RUST_LIB_BACKTRACE'] ??= '0';
