//go:build js

// Package ebitendraw is the browser back end of draw.Canvas: it draws
// paths and images on an ebiten screen and collects text labels for the
// page to place as HTML over the canvas.
//
// It is built only for GOOS=js: natively ebiten needs a windowing system,
// and every view is tested through the SVG back end instead.
package ebitendraw
