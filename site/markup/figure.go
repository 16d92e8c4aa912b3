package markup

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindFigure is the node kind of a figure.
var KindFigure = gast.NewNodeKind("Figure")

// KindFigureCaption is the node kind of a figure's caption.
var KindFigureCaption = gast.NewNodeKind("FigureCaption")

// Figure is an image on a line of its own at the start of a paragraph;
// the lines after it, if any, are its caption.
type Figure struct{ gast.BaseBlock }

// Kind returns KindFigure.
func (n *Figure) Kind() gast.NodeKind { return KindFigure }

// Dump writes the node for debugging.
func (n *Figure) Dump(source []byte, level int) { gast.DumpHelper(n, source, level, nil, nil) }

// FigureCaption holds the caption of a Figure.
type FigureCaption struct{ gast.BaseBlock }

// Kind returns KindFigureCaption.
func (n *FigureCaption) Kind() gast.NodeKind { return KindFigureCaption }

// Dump writes the node for debugging.
func (n *FigureCaption) Dump(source []byte, level int) { gast.DumpHelper(n, source, level, nil, nil) }

type figureTransformer struct{}

// NewFigureTransformer returns the transformer that turns paragraphs
// starting with an image on its own line into figures.
func NewFigureTransformer() parser.ASTTransformer { return figureTransformer{} }

func (figureTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	var paras []*gast.Paragraph
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if p, ok := n.(*gast.Paragraph); ok && entering {
			paras = append(paras, p)
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	for _, p := range paras {
		img, ok := p.FirstChild().(*gast.Image)
		if !ok {
			continue
		}
		// The image must end its line: nothing follows it, or an empty
		// text that carries the line break.
		brk, _ := img.NextSibling().(*gast.Text)
		if img.NextSibling() != nil && (brk == nil || brk.Segment.Len() != 0 || !(brk.SoftLineBreak() || brk.HardLineBreak())) {
			continue
		}
		fig := &Figure{}
		fig.SetPos(p.Pos())
		fig.AppendChild(fig, img)
		if brk != nil {
			p.RemoveChild(p, brk)
		}
		if p.HasChildren() {
			caption := &FigureCaption{}
			for c := p.FirstChild(); c != nil; {
				next := c.NextSibling()
				caption.AppendChild(caption, c)
				c = next
			}
			fig.AppendChild(fig, caption)
		}
		p.Parent().ReplaceChild(p.Parent(), p, fig)
	}
}

// FigureHTMLRenderer writes a figure as <figure> with a <figcaption>.
type FigureHTMLRenderer struct{}

// RegisterFuncs registers the renderer of figures and captions.
func (FigureHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, func(w util.BufWriter, source []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<figure>\n")
		} else {
			_, _ = w.WriteString("</figure>\n")
		}
		return gast.WalkContinue, nil
	})
	reg.Register(KindFigureCaption, func(w util.BufWriter, source []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("\n<figcaption>")
		} else {
			_, _ = w.WriteString("</figcaption>\n")
		}
		return gast.WalkContinue, nil
	})
}

type figures struct{}

// Figures is the extension of figures with captions:
//
//	![A rice field in the Mekong Delta](/media/field.jpg)
//	Rice fields cover most of the delta.
//
// An image alone in its paragraph becomes a figure without caption.
var Figures goldmark.Extender = figures{}

// Extend registers the transformer and the renderer.
func (figures) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(NewFigureTransformer(), 600)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(FigureHTMLRenderer{}, 500)))
}
