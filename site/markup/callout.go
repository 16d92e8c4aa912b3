package markup

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCallout is the node kind of a callout.
var KindCallout = gast.NewNodeKind("Callout")

// KindCalloutTitle is the node kind of a callout's title.
var KindCalloutTitle = gast.NewNodeKind("CalloutTitle")

// CalloutTypes are the callout types, as written after [! in lower case.
var CalloutTypes = []string{"note", "tip", "important", "warning", "caution"}

// Callout is a block quote that starts with [!TYPE]: a note, tip,
// warning and so on, set apart from the text around it.
type Callout struct {
	gast.BaseBlock
	Variant string // one of CalloutTypes
}

// Kind returns KindCallout.
func (n *Callout) Kind() gast.NodeKind { return KindCallout }

// Dump writes the node for debugging.
func (n *Callout) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"Variant": n.Variant}, nil)
}

// CalloutTitle is the first child of a Callout: the text after [!TYPE]
// on its first line, or, when that is empty, the type's label.
type CalloutTitle struct {
	gast.BaseBlock
	Variant string
}

// Kind returns KindCalloutTitle.
func (n *CalloutTitle) Kind() gast.NodeKind { return KindCalloutTitle }

// Dump writes the node for debugging.
func (n *CalloutTitle) Dump(source []byte, level int) { gast.DumpHelper(n, source, level, nil, nil) }

var calloutMarker = regexp.MustCompile(`^\[!([A-Za-z]+)\]`)

type calloutTransformer struct{}

// NewCalloutTransformer returns the transformer that turns block quotes
// starting with [!TYPE] into callouts.
func NewCalloutTransformer() parser.ASTTransformer { return calloutTransformer{} }

func (calloutTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var quotes []*gast.Blockquote
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if q, ok := n.(*gast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return gast.WalkContinue, nil
	})
	for _, q := range quotes {
		p, ok := q.FirstChild().(*gast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		m := calloutMarker.FindSubmatch(first.Value(source))
		if m == nil {
			continue
		}
		typ := strings.ToLower(string(m[1]))
		if !slices.Contains(CalloutTypes, typ) {
			report(pc, first.Start, "unknown callout [!%s] (known: %s)", m[1], strings.ToUpper(strings.Join(CalloutTypes, ", ")))
			continue
		}
		markerEnd, lineEnd := first.Start+len(m[0]), first.Stop
		title := &CalloutTitle{Variant: typ}
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			if Offset(c) >= lineEnd {
				break
			}
			if t, ok := c.(*gast.Text); ok {
				if t.Segment.Stop <= markerEnd {
					p.RemoveChild(p, c)
					c = next
					continue
				}
				if t.Segment.Start < markerEnd {
					t.Segment = t.Segment.WithStart(markerEnd)
				}
				if t.Segment.Stop >= lineEnd-1 || t.SoftLineBreak() {
					t.SetSoftLineBreak(false)
				}
			}
			title.AppendChild(title, c)
			c = next
		}
		trimTitle(title, source)
		callout := &Callout{Variant: typ}
		callout.SetPos(q.Pos())
		callout.AppendChild(callout, title)
		if !p.HasChildren() {
			q.RemoveChild(q, p)
		}
		for c := q.FirstChild(); c != nil; {
			next := c.NextSibling()
			callout.AppendChild(callout, c)
			c = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, callout)
	}
}

// trimTitle drops the spaces between the marker and the title, and the
// title's text nodes left empty.
func trimTitle(title *CalloutTitle, source []byte) {
	for c := title.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*gast.Text)
		if !ok {
			return
		}
		t.Segment = t.Segment.TrimLeftSpace(source)
		if t.Segment.Len() > 0 {
			return
		}
		title.RemoveChild(title, c)
		c = next
	}
}

// CalloutHTMLRenderer writes a callout as a <div role="note"> with a
// title paragraph.
type CalloutHTMLRenderer struct {
	Label func(key string) string
}

// RegisterFuncs registers the renderer of callouts and their titles.
func (r CalloutHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, func(w util.BufWriter, source []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="callout callout-` + node.(*Callout).Variant + `" role="note">` + "\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return gast.WalkContinue, nil
	})
	reg.Register(KindCalloutTitle, func(w util.BufWriter, source []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
		n := node.(*CalloutTitle)
		if !entering {
			_, _ = w.WriteString("</p>\n")
			return gast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<p class="callout-title">`)
		if !n.HasChildren() {
			_, _ = w.Write(util.EscapeHTML([]byte(r.Label("callout." + n.Variant))))
		}
		return gast.WalkContinue, nil
	})
}

// Callouts is the extension of callouts: a block quote whose first line
// is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION], optionally
// followed by a title.
type Callouts struct {
	// Label gives the default title of each type by message key
	// ("callout.note", ...). Nil uses English.
	Label func(key string) string
}

// Extend registers the transformer and the renderer.
func (e *Callouts) Extend(m goldmark.Markdown) {
	label := e.Label
	if label == nil {
		label = EnglishLabel
	}
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(NewCalloutTransformer(), 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(CalloutHTMLRenderer{Label: label}, 500)))
}
