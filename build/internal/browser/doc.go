// Package browser runs the site in headless Chromium for tests: it builds
// the site once with the same pipeline as nexus build, serves it on a free
// loopback port with the site handler, and gives each test a tab that
// fails the test on any console error, uncaught exception or failed
// request.
package browser
