// Package views draws each simulation's model on a draw.Canvas. Views only
// read their model; they hold no state of their own and import neither
// ebiten nor syscall/js, so the same code draws in the browser, draws the
// site's static previews and is tested natively against golden SVG files.
package views
