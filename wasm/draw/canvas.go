package draw

import (
	"image"
	"image/color"
	"math"
)

// Canvas is a surface a view draws on.
type Canvas interface {
	// Size returns the drawable width and height.
	Size() (w, h float64)
	// Fill fills p's closed subpaths with c, non-zero winding.
	Fill(p *Path, c color.RGBA)
	// Stroke draws p's outline width wide in c.
	Stroke(p *Path, width float64, c color.RGBA)
	// Image draws img scaled to the rectangle x, y, w, h, pixelated: for
	// grids of values such as a decision surface.
	Image(img *image.RGBA, x, y, w, h float64)
	// Text writes s with its anchor at x, y (the baseline).
	Text(x, y float64, s string, st TextStyle)
}

// Align says where text sits relative to its anchor.
type Align int

// The alignments.
const (
	Start  Align = iota // text begins at the anchor
	Middle              // text is centred on the anchor
	End                 // text ends at the anchor
)

// TextStyle is how a label looks.
type TextStyle struct {
	Size  float64 // font size in CSS pixels; 0 means 14
	Color color.RGBA
	Align Align
	Bold  bool
}

// FontSize returns the size, defaulting to 14.
func (st TextStyle) FontSize() float64 {
	if st.Size == 0 {
		return 14
	}
	return st.Size
}

// Op is one path command.
type Op struct {
	Kind OpKind
	X, Y float64 // end point; centre for ArcOp
	R    float64 // ArcOp: radius
	A, B float64 // ArcOp: start and end angle in radians, clockwise on screen
}

// OpKind says what an Op does.
type OpKind int

// The path commands.
const (
	MoveOp  OpKind = iota // start a subpath at X, Y
	LineOp                // line to X, Y
	ArcOp                 // arc around X, Y of radius R from angle A to B
	CloseOp               // close the subpath
)

// Path is a sequence of subpaths. The zero value is an empty path.
type Path struct {
	Ops []Op
}

// MoveTo starts a subpath at x, y.
func (p *Path) MoveTo(x, y float64) { p.Ops = append(p.Ops, Op{Kind: MoveOp, X: x, Y: y}) }

// LineTo adds a line to x, y.
func (p *Path) LineTo(x, y float64) { p.Ops = append(p.Ops, Op{Kind: LineOp, X: x, Y: y}) }

// Arc adds an arc around cx, cy of radius r from angle a to angle b
// (radians, increasing clockwise on screen), joined to the current point
// by a line.
func (p *Path) Arc(cx, cy, r, a, b float64) {
	p.Ops = append(p.Ops, Op{Kind: ArcOp, X: cx, Y: cy, R: r, A: a, B: b})
}

// Close closes the current subpath.
func (p *Path) Close() { p.Ops = append(p.Ops, Op{Kind: CloseOp}) }

// Rect returns the path of an axis-aligned rectangle.
func Rect(x, y, w, h float64) *Path {
	p := &Path{}
	p.MoveTo(x, y)
	p.LineTo(x+w, y)
	p.LineTo(x+w, y+h)
	p.LineTo(x, y+h)
	p.Close()
	return p
}

// Circle returns the path of a circle.
func Circle(cx, cy, r float64) *Path {
	p := &Path{}
	p.MoveTo(cx+r, cy)
	p.Arc(cx, cy, r, 0, 2*math.Pi)
	p.Close()
	return p
}

// Line returns the path of one segment.
func Line(x0, y0, x1, y1 float64) *Path {
	p := &Path{}
	p.MoveTo(x0, y0)
	p.LineTo(x1, y1)
	return p
}
