//go:build js

package ebitendraw

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"nexuslab/wasm/draw"
)

// Label is a piece of text the view asked for, in CSS pixels.
type Label struct {
	X, Y  float64
	Text  string
	Style draw.TextStyle
}

// Canvas adapts an ebiten screen to draw.Canvas. Coordinates are CSS
// pixels; Scale maps them to the screen's device pixels. Reuse one Canvas
// across frames: it keeps its buffers.
type Canvas struct {
	screen *ebiten.Image
	scale  float64
	w, h   float64
	labels []Label
	vs     []ebiten.Vertex
	is     []uint16
	images []*ebiten.Image // reused per Image call in frame order
	nimg   int
	white  *ebiten.Image
}

// Begin starts a frame on screen, whose size is w×h CSS pixels at scale
// device pixels per CSS pixel.
func (c *Canvas) Begin(screen *ebiten.Image, w, h, scale float64) {
	if c.white == nil {
		c.white = ebiten.NewImage(3, 3)
		c.white.Fill(color.White)
	}
	c.screen, c.w, c.h, c.scale = screen, w, h, scale
	c.labels = c.labels[:0]
	c.nimg = 0
}

// Labels returns the labels drawn since Begin.
func (c *Canvas) Labels() []Label { return c.labels }

// Size returns the size in CSS pixels.
func (c *Canvas) Size() (float64, float64) { return c.w, c.h }

// Fill fills p with col.
func (c *Canvas) Fill(p *draw.Path, col color.RGBA) {
	vp := c.path(p)
	c.vs, c.is = vp.AppendVerticesAndIndicesForFilling(c.vs[:0], c.is[:0])
	c.triangles(col, ebiten.FillRuleNonZero)
}

// Stroke outlines p with col.
func (c *Canvas) Stroke(p *draw.Path, width float64, col color.RGBA) {
	vp := c.path(p)
	op := &vector.StrokeOptions{Width: float32(width * c.scale), LineCap: vector.LineCapRound, LineJoin: vector.LineJoinRound}
	c.vs, c.is = vp.AppendVerticesAndIndicesForStroke(c.vs[:0], c.is[:0], op)
	c.triangles(col, ebiten.FillRuleFillAll)
}

// Image draws img scaled to x, y, w, h without smoothing.
func (c *Canvas) Image(img *image.RGBA, x, y, w, h float64) {
	b := img.Bounds()
	if b.Empty() {
		return
	}
	if c.nimg == len(c.images) {
		c.images = append(c.images, nil)
	}
	e := c.images[c.nimg]
	if e == nil || e.Bounds().Size() != b.Size() {
		if e != nil {
			e.Deallocate()
		}
		e = ebiten.NewImage(b.Dx(), b.Dy())
		c.images[c.nimg] = e
	}
	c.nimg++
	e.WritePixels(img.Pix)
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterNearest}
	op.GeoM.Scale(w*c.scale/float64(b.Dx()), h*c.scale/float64(b.Dy()))
	op.GeoM.Translate(x*c.scale, y*c.scale)
	c.screen.DrawImage(e, op)
}

// Text records a label for the page to show over the canvas.
func (c *Canvas) Text(x, y float64, s string, st draw.TextStyle) {
	c.labels = append(c.labels, Label{X: x, Y: y, Text: s, Style: st})
}

func (c *Canvas) path(p *draw.Path) *vector.Path {
	var vp vector.Path
	s := float32(c.scale)
	for _, op := range p.Ops {
		x, y := float32(op.X)*s, float32(op.Y)*s
		switch op.Kind {
		case draw.MoveOp:
			vp.MoveTo(x, y)
		case draw.LineOp:
			vp.LineTo(x, y)
		case draw.ArcOp:
			dir := vector.Clockwise
			if op.B < op.A {
				dir = vector.CounterClockwise
			}
			vp.Arc(x, y, float32(op.R)*s, float32(op.A), float32(op.B), dir)
		case draw.CloseOp:
			vp.Close()
		}
	}
	return &vp
}

func (c *Canvas) triangles(col color.RGBA, rule ebiten.FillRule) {
	r, g, b, a := float32(col.R)/255, float32(col.G)/255, float32(col.B)/255, float32(col.A)/255
	for i := range c.vs {
		c.vs[i].SrcX, c.vs[i].SrcY = 1, 1
		c.vs[i].ColorR, c.vs[i].ColorG, c.vs[i].ColorB, c.vs[i].ColorA = r*a, g*a, b*a, a
	}
	op := &ebiten.DrawTrianglesOptions{AntiAlias: true, FillRule: rule, ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha}
	c.screen.DrawTriangles(c.vs, c.is, c.white.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image), op)
}
