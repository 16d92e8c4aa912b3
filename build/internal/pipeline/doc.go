// Package pipeline builds the whole site: it compiles wasm/ into
// sims.wasm with the Go toolchain, takes the matching wasm_exec.js from
// the same Go installation, and renders content/ through package site.
// The nexus command and the browser tests share it, so tests exercise the
// site exactly as it ships.
package pipeline
