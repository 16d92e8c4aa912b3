// Command bundle puts the Nexus Lab Worker together from a built site:
// `make worker` runs it after building the site. It prints the size of
// the Worker against the limits of Workers.
//
// Usage:
//
//	bundle [--site public] [--out build/worker/build]
package main
