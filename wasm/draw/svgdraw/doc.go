// Package svgdraw is the build-time back end of package draw: a Canvas
// that writes an SVG document. The site embeds these as static previews
// of each simulation, and the views' golden tests compare them.
//
// It lives apart from draw so that the browser program, which draws with
// ebiten, does not link its PNG encoder.
package svgdraw
