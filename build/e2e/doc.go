// Package e2e holds the browser tests: they build the real site, serve it
// on loopback and drive it in headless Chromium the way readers do.
package e2e
