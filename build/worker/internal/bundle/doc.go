// Package bundle puts the Nexus Lab Worker together: the built site as
// static assets without its precompressed twins (the edge compresses for
// itself), a _headers file written from package serve's rules, the
// runtime files of github.com/syumai/workers, and the Worker compiled to
// wasm with the simulation catalogue linked in.
package bundle
