package svgdraw

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"math"
	"strconv"

	"nexuslab/wasm/draw"
)

// SVG is a draw.Canvas that writes an SVG document. The zero value is
// not usable; call New.
type SVG struct {
	w, h float64
	buf  bytes.Buffer
}

// New returns an empty SVG canvas of the given size.
func New(w, h float64) *SVG { return &SVG{w: w, h: h} }

// Size returns the canvas size.
func (s *SVG) Size() (float64, float64) { return s.w, s.h }

// Fill writes a filled path.
func (s *SVG) Fill(p *draw.Path, c color.RGBA) {
	fmt.Fprintf(&s.buf, `<path d="%s" fill="%s"%s/>`, pathData(p), hex(c), opacity("fill", c))
}

// Stroke writes an outlined path.
func (s *SVG) Stroke(p *draw.Path, width float64, c color.RGBA) {
	fmt.Fprintf(&s.buf, `<path d="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"%s/>`,
		pathData(p), hex(c), num(width), opacity("stroke", c))
}

// Image writes img as an embedded PNG.
func (s *SVG) Image(img *image.RGBA, x, y, w, h float64) {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return // png.Encode fails only on writer errors; a bytes.Buffer has none
	}
	fmt.Fprintf(&s.buf, `<image x="%s" y="%s" width="%s" height="%s" preserveAspectRatio="none" image-rendering="optimizeSpeed" href="data:image/png;base64,%s"/>`,
		num(x), num(y), num(w), num(h), base64.StdEncoding.EncodeToString(b.Bytes()))
}

// Text writes a text element.
func (s *SVG) Text(x, y float64, str string, st draw.TextStyle) {
	anchor := [...]string{draw.Start: "start", draw.Middle: "middle", draw.End: "end"}[st.Align]
	weight := ""
	if st.Bold {
		weight = ` font-weight="bold"`
	}
	fmt.Fprintf(&s.buf, `<text x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s"%s>%s</text>`,
		num(x), num(y), num(st.FontSize()), anchor, hex(st.Color), weight, html.EscapeString(str))
}

// Bytes returns the document. label, when not empty, becomes its
// accessible name.
func (s *SVG) Bytes(label string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" font-family="system-ui,sans-serif"`, num(s.w), num(s.h))
	if label != "" {
		fmt.Fprintf(&b, ` role="img" aria-label="%s"`, html.EscapeString(label))
	}
	b.WriteString(">")
	b.Write(s.buf.Bytes())
	b.WriteString("</svg>")
	return b.Bytes()
}

func pathData(p *draw.Path) string {
	var b bytes.Buffer
	for _, op := range p.Ops {
		switch op.Kind {
		case draw.MoveOp:
			fmt.Fprintf(&b, "M%s %s", num(op.X), num(op.Y))
		case draw.LineOp:
			fmt.Fprintf(&b, "L%s %s", num(op.X), num(op.Y))
		case draw.ArcOp:
			writeArc(&b, op)
		case draw.CloseOp:
			b.WriteString("Z")
		}
	}
	return b.String()
}

// writeArc writes an arc as SVG elliptical-arc commands, split in halves
// because one SVG arc cannot draw a full circle.
func writeArc(b *bytes.Buffer, op draw.Op) {
	sweep := op.B - op.A
	flag := 1
	if sweep < 0 {
		flag = 0
	}
	x0, y0 := op.X+op.R*math.Cos(op.A), op.Y+op.R*math.Sin(op.A)
	fmt.Fprintf(b, "L%s %s", num(x0), num(y0))
	n := int(math.Ceil(math.Abs(sweep) / math.Pi))
	for i := 1; i <= n; i++ {
		a := op.A + sweep*float64(i)/float64(n)
		fmt.Fprintf(b, "A%s %s 0 0 %d %s %s", num(op.R), num(op.R), flag, num(op.X+op.R*math.Cos(a)), num(op.Y+op.R*math.Sin(a)))
	}
}

// num formats coordinates to two decimals: enough for CSS pixels, and
// stable for golden files.
func num(f float64) string {
	s := strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func opacity(attr string, c color.RGBA) string {
	if c.A == 0xff {
		return ""
	}
	return fmt.Sprintf(` %s-opacity="%s"`, attr, num(float64(c.A)/255))
}
