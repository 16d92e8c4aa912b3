// Command classroom serves the whole Nexus Lab site from one executable,
// for a class on a local network with no internet: a teacher runs it on
// a laptop and students open the address it prints, or scan its QR code.
//
// Run with no arguments it listens on port 8080 of every network
// interface (the next free port up to 8089 if that one is taken) and
// prints the addresses students can type. -addr HOST:PORT listens there
// instead. Ctrl+C stops it.
//
// The site is embedded at build time: `make offline` builds the site and
// compiles this command for Linux, Windows and macOS on amd64 and arm64
// into dist/offline/. The site goes in through the classroomsite build
// tag; built without it, the command says so and exits.
package main
