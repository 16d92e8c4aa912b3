package markup

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindSimBlock is the node kind of a sim directive.
var KindSimBlock = gast.NewNodeKind("SimBlock")

// SimBlock is a sim directive: a simulation embedded with preset
// parameters.
type SimBlock struct {
	gast.BaseBlock
	Name   string     // simulation name
	Params url.Values // preset parameters, in the order written
	Offset int        // byte offset of the directive in the source
	Err    error      // why the directive could not be read, if it could not
}

// Kind returns KindSimBlock.
func (n *SimBlock) Kind() gast.NodeKind { return KindSimBlock }

// Dump writes the node for debugging.
func (n *SimBlock) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"Name": n.Name, "Params": n.Params.Encode()}, nil)
}

// IsRaw reports that the directive has no Markdown content.
func (n *SimBlock) IsRaw() bool { return true }

var simLine = regexp.MustCompile(`^::sim\[([^\]]*)\](?:\{(.*)\})?\s*$`)

type simParser struct{}

// NewSimParser returns the block parser of the sim directive.
func NewSimParser() parser.BlockParser { return simParser{} }

func (simParser) Trigger() []byte { return []byte{':'} }

func (simParser) Open(parent gast.Node, reader text.Reader, pc parser.Context) (gast.Node, parser.State) {
	line, seg := reader.PeekLine()
	if pos := pc.BlockOffset(); pos < 0 || !strings.HasPrefix(string(line[pos:]), "::sim[") {
		return nil, parser.NoChildren
	}
	m := simLine.FindSubmatch(util.TrimRightSpace(line[pc.BlockOffset():]))
	n := &SimBlock{Offset: seg.Start, Params: url.Values{}}
	n.SetPos(seg.Start)
	if m == nil {
		n.Err = fmt.Errorf("sim directive must read ::sim[NAME]{key=value ...} on one line")
	} else {
		n.Name = string(m[1])
		n.Params, n.Err = parseAttrs(string(m[2]))
	}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

func (simParser) Continue(gast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (simParser) Close(gast.Node, text.Reader, parser.Context)                 {}
func (simParser) CanInterruptParagraph() bool                                  { return true }
func (simParser) CanAcceptIndentedLine() bool                                  { return false }

// parseAttrs reads space-separated key=value pairs; values may be quoted.
func parseAttrs(s string) (url.Values, error) {
	v := url.Values{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		eq := strings.IndexByte(s, '=')
		if eq <= 0 || strings.ContainsAny(s[:eq], " \t\"") {
			return v, fmt.Errorf("sim directive: expected key=value at %q", clip(s))
		}
		key := s[:eq]
		s = s[eq+1:]
		var val string
		if strings.HasPrefix(s, `"`) {
			var b strings.Builder
			i := 1
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				b.WriteByte(s[i])
			}
			if i >= len(s) {
				return v, fmt.Errorf("sim directive: unterminated quoted value for %s", key)
			}
			val, s = b.String(), s[i+1:]
		} else {
			end := strings.IndexAny(s, " \t")
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		if v.Has(key) {
			return v, fmt.Errorf("sim directive: %s given twice", key)
		}
		v.Set(key, val)
	}
	return v, nil
}

func clip(s string) string {
	if len(s) > 30 {
		return s[:27] + "..."
	}
	return s
}

// SimRenderFunc writes the HTML of a sim directive.
type SimRenderFunc func(w util.BufWriter, source []byte, n *SimBlock) error

type simRenderer struct{ render SimRenderFunc }

func (r simRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSimBlock, func(w util.BufWriter, source []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering || r.render == nil {
			return gast.WalkContinue, nil
		}
		return gast.WalkContinue, r.render(w, source, n.(*SimBlock))
	})
}

// SimDirective is the extension that reads sim directives and renders
// them with Render.
type SimDirective struct {
	Render SimRenderFunc // nil writes nothing
}

// Extend registers the parser and the renderer.
func (e *SimDirective) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(NewSimParser(), 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(simRenderer{e.Render}, 50)))
}
