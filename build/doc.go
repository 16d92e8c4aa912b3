// Package build holds nothing but this comment: its subdirectories are
// the nexus command (nexus/), the Cloudflare Worker entry (worker/), the
// benchmarks (bench/) and the Node tools they use (node/).
package build
