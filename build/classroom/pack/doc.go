// Command pack builds the classroom binaries from a built site: `make
// offline` runs it after building the site.
//
// Usage:
//
//	pack [--site public] [--out dist/offline]
package main
