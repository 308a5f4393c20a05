// The failure of a tool outside gosched that a command ran for a comparison (Go's test
// binary or `go test`): the command exits 4, as gosched cannot do its part, and says so with
// what the tool printed but no stack trace, since the fault is not gosched's own. Apart from
// src/commands so that the benchmarks that run the tools need not reach into the CLI.

export class ToolError extends Error {
  override name = 'ToolError';
}
