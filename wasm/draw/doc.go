// Package draw is the small drawing interface every view draws through.
//
// # Back ends
//
// A view draws on a Canvas. In the browser the Canvas is ebiten's screen
// (see wasm/internal/ebitendraw); at build time it is an SVG document (package svgdraw), which
// the site embeds as a static preview and tests compare with golden files.
//
// # Coordinates
//
// Units are CSS pixels with the origin at the top left. Text is kept as
// text: the SVG back end writes <text>, the browser back end places HTML
// labels over the canvas, so labels stay selectable, translatable and
// need no font in the wasm.
package draw
