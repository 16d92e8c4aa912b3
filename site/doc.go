// Package site generates the Nexus Lab static site from content/ and
// serves a built site.
//
// # Building
//
// Build loads the Markdown of content/, validates it, renders it through
// package markup and the templates in templates/, writes fingerprinted
// assets and the simulation program, and precompresses every text asset
// and the wasm as .br and .gz. Check runs the same validation without
// writing. Either reports every problem at once as FILE:LINE: message, and
// Build writes nothing unless the whole site renders.
//
// # Serving
//
// Handler serves a built site: it negotiates the precompressed files by
// Accept-Encoding, sets the security and caching headers, and refuses
// anything outside the site root.
//
// The site uses the simulation catalogue only to validate embedded
// simulations and to draw their static previews.
package site
