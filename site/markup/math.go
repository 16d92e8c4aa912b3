package markup

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strings"
	"sync"

	"github.com/wyatt915/treeblood"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindInlineMath is the node kind of a formula inside a paragraph.
var KindInlineMath = gast.NewNodeKind("InlineMath")

// KindMathBlock is the node kind of a displayed formula on lines of its
// own.
var KindMathBlock = gast.NewNodeKind("MathBlock")

// InlineMath is a formula inside a paragraph: $…$, or $$…$$ for display
// style.
type InlineMath struct {
	gast.BaseInline
	TeX     string // the LaTeX source, without delimiters
	Display bool   // written $$…$$
	MathML  []byte // the converted formula, safe to write as HTML
}

// Kind returns KindInlineMath.
func (n *InlineMath) Kind() gast.NodeKind { return KindInlineMath }

// Dump writes the node for debugging.
func (n *InlineMath) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"TeX": n.TeX}, nil)
}

// MathBlock is a displayed formula written between lines of $$.
type MathBlock struct {
	gast.BaseBlock
	TeX    string
	MathML []byte
	closed bool
}

// Kind returns KindMathBlock.
func (n *MathBlock) Kind() gast.NodeKind { return KindMathBlock }

// IsRaw reports that the block holds no Markdown.
func (n *MathBlock) IsRaw() bool { return true }

// Dump writes the node for debugging.
func (n *MathBlock) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"TeX": n.TeX}, nil)
}

// mathMacros are the commands quantum texts use that LaTeX itself lacks
// (they come from the braket package).
var mathMacros = map[string]string{
	"ket":    `\left|#1\right\rangle`,
	"bra":    `\left\langle #1\right|`,
	"braket": `\left\langle #1\middle|#2\right\rangle`,
}

// ToMathML converts a LaTeX formula to MathML that is safe to write into
// a page: only MathML elements and presentation attributes survive, every
// text and attribute value is escaped, and nothing carries a style
// attribute. Attributes are sorted so that builds are reproducible.
func ToMathML(tex string, display bool) (out []byte, err error) {
	defer func() {
		// The converter is a dependency; a crash in it on odd input must
		// become a problem for the author, not a failed build.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("math: cannot convert %q", clip(tex))
		}
	}()
	doc := treeblood.NewDocument(mathMacros, false)
	doc.PrintOneLine = true
	var raw string
	if display {
		raw, err = doc.DisplayStyle(tex)
	} else {
		raw, err = doc.TextStyle(tex)
	}
	if err != nil {
		msg, _, _ := strings.Cut(err.Error(), "<pre>")
		return nil, fmt.Errorf("math: %s in %q", strings.TrimSpace(msg), clip(tex))
	}
	return sanitizeMathML(raw, tex)
}

// MathCache remembers the formulas converted to MathML, so that one
// written on many pages, or shown in every language, is converted once.
// A nil *MathCache converts every time. It is safe for concurrent use.
type MathCache struct {
	m sync.Map // mathKey to mathResult
}

type mathKey struct {
	tex     string
	display bool
}

type mathResult struct {
	mathML []byte
	err    error
}

// ToMathML returns ToMathML(tex, display), converted once per cache.
// The result is shared: do not modify it.
func (c *MathCache) ToMathML(tex string, display bool) ([]byte, error) {
	if c == nil {
		return ToMathML(tex, display)
	}
	k := mathKey{tex, display}
	if r, ok := c.m.Load(k); ok {
		return r.(mathResult).mathML, r.(mathResult).err
	}
	out, err := ToMathML(tex, display)
	c.m.Store(k, mathResult{out, err})
	return out, err
}

// mathElements are the MathML elements the converter may write.
var mathElements = map[string]bool{
	"math": true, "semantics": true, "annotation": true, "mrow": true, "mi": true, "mn": true,
	"mo": true, "ms": true, "mtext": true, "mspace": true, "msub": true, "msup": true,
	"msubsup": true, "munder": true, "mover": true, "munderover": true, "mmultiscripts": true,
	"mprescripts": true, "none": true, "mfrac": true, "msqrt": true, "mroot": true,
	"mstyle": true, "merror": true, "mpadded": true, "mphantom": true, "mtable": true,
	"mtr": true, "mtd": true, "mlabeledtr": true, "menclose": true,
}

// mathAttrs are the attributes kept; any other is dropped.
var mathAttrs = map[string]bool{
	"xmlns": true, "display": true, "class": true, "encoding": true, "mathvariant": true,
	"stretchy": true, "fence": true, "form": true, "separator": true, "largeop": true,
	"movablelimits": true, "accent": true, "accentunder": true, "lspace": true, "rspace": true,
	"width": true, "height": true, "depth": true, "voffset": true, "linethickness": true,
	"columnalign": true, "rowalign": true, "columnspan": true, "rowspan": true,
	"columnlines": true, "rowlines": true, "frame": true, "displaystyle": true,
	"scriptlevel": true, "mathcolor": true, "mathbackground": true, "mathsize": true,
	"minsize": true, "maxsize": true, "symmetric": true, "notation": true,
	"columnspacing": true, "rowspacing": true,
}

// sanitizeMathML re-serialises the converter's output. It refuses any
// element outside MathML, which is how markup smuggled in through TeX
// (such as \color{"><script>}) shows itself, and reports \merror, which
// the converter writes for commands it does not know.
func sanitizeMathML(raw, tex string) ([]byte, error) {
	var b bytes.Buffer
	var stack []string
	inError := 0
	var errText strings.Builder
	s := strings.TrimSpace(raw)
	for s != "" {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			lt = len(s)
		}
		if lt > 0 {
			t := html.UnescapeString(s[:lt])
			if inError > 0 {
				errText.WriteString(t)
			}
			b.WriteString(html.EscapeString(t))
			s = s[lt:]
			continue
		}
		name, attrs, closing, rest, ok := readTag(s)
		if !ok || !mathElements[name] {
			return nil, fmt.Errorf("math: cannot convert %q", clip(tex))
		}
		s = rest
		if closing {
			if len(stack) == 0 || stack[len(stack)-1] != name {
				return nil, fmt.Errorf("math: cannot convert %q", clip(tex))
			}
			stack = stack[:len(stack)-1]
			if name == "merror" {
				inError--
			}
			b.WriteString("</" + name + ">")
			continue
		}
		stack = append(stack, name)
		if name == "merror" {
			inError++
			if t := attrs["title"]; t != "" {
				return nil, fmt.Errorf("math: %s in %q", t, clip(tex))
			}
		}
		b.WriteString("<" + name)
		keys := make([]string, 0, len(attrs))
		for k := range attrs {
			if mathAttrs[k] {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			b.WriteString(" " + k + `="` + html.EscapeString(attrs[k]) + `"`)
		}
		b.WriteString(">")
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("math: cannot convert %q", clip(tex))
	}
	if errText.Len() > 0 {
		return nil, fmt.Errorf(`math: unknown command \%s in %q`, errText.String(), clip(tex))
	}
	return b.Bytes(), nil
}

// readTag reads one tag at the start of s: <name a="v" ...>, </name> or
// <name/> (returned as an opening tag, since MathML has no empty
// elements the converter writes that way).
func readTag(s string) (name string, attrs map[string]string, closing bool, rest string, ok bool) {
	i := 1
	if strings.HasPrefix(s, "</") {
		closing, i = true, 2
	}
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] == '-') {
		j++
	}
	name = s[i:j]
	attrs = map[string]string{}
	for {
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) {
			return "", nil, false, "", false
		}
		if s[j] == '>' {
			return name, attrs, closing, s[j+1:], name != ""
		}
		k := j
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '-' || s[j] == ':') {
			j++
		}
		key := s[k:j]
		if key == "" || closing || !strings.HasPrefix(s[j:], `="`) {
			return "", nil, false, "", false
		}
		end := strings.IndexByte(s[j+2:], '"')
		if end < 0 {
			return "", nil, false, "", false
		}
		attrs[key] = html.UnescapeString(s[j+2 : j+2+end])
		j += 2 + end + 1
	}
}

type mathInlineParser struct{ cache *MathCache }

// NewMathInlineParser returns the parser of $…$ and $$…$$ inside a
// paragraph. An opening $ must be followed, and a closing $ preceded, by
// a non-space character, and a closing $ must not be followed by a digit,
// so that prices such as $5 and $10 stay text. A formula ends on the line
// it starts.
func NewMathInlineParser() parser.InlineParser { return mathInlineParser{} }

func (mathInlineParser) Trigger() []byte { return []byte{'$'} }

func (p mathInlineParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, seg := block.PeekLine()
	delim := 1
	if len(line) > 1 && line[1] == '$' {
		delim = 2
	}
	if len(line) <= delim || util.IsSpace(line[delim]) {
		return nil
	}
	for i := delim + 1; i+delim <= len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] != '$' {
			continue
		}
		if delim == 2 && (i+1 >= len(line) || line[i+1] != '$') {
			continue
		}
		if util.IsSpace(line[i-1]) {
			continue
		}
		if after := i + delim; after < len(line) && line[after] >= '0' && line[after] <= '9' {
			continue
		}
		n := &InlineMath{TeX: string(line[delim:i]), Display: delim == 2}
		n.SetPos(seg.Start)
		var err error
		if n.MathML, err = p.cache.ToMathML(n.TeX, n.Display); err != nil {
			report(pc, seg.Start, "%s", err.Error())
		}
		block.Advance(i + delim)
		return n
	}
	return nil
}

type mathBlockParser struct{ cache *MathCache }

// NewMathBlockParser returns the parser of displayed formulas: a line
// starting with $$, then lines of LaTeX, then a line ending with $$. The
// whole formula may also sit on one line, $$ … $$.
func NewMathBlockParser() parser.BlockParser { return mathBlockParser{} }

func (mathBlockParser) Trigger() []byte { return []byte{'$'} }

func (mathBlockParser) Open(parent gast.Node, reader text.Reader, pc parser.Context) (gast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || !bytes.HasPrefix(line[pos:], []byte("$$")) {
		return nil, parser.NoChildren
	}
	rest := util.TrimRightSpace(line[pos+2:])
	n := &MathBlock{}
	if i := bytes.Index(rest, []byte("$$")); i >= 0 {
		if len(util.TrimLeftSpace(rest[i+2:])) != 0 {
			// $$x$$ followed by text is a formula inside a paragraph.
			return nil, parser.NoChildren
		}
		n.Lines().Append(text.NewSegment(seg.Start+pos+2, seg.Start+pos+2+i))
		n.closed = true
		reader.AdvanceToEOL()
		return n, parser.NoChildren
	}
	if len(util.TrimLeftSpace(rest)) > 0 {
		n.Lines().Append(text.NewSegment(seg.Start+pos+2, seg.Stop))
	}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

func (mathBlockParser) Continue(node gast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MathBlock)
	line, seg := reader.PeekLine()
	if n.closed || line == nil {
		return parser.Close
	}
	if i := bytes.Index(line, []byte("$$")); i >= 0 {
		if len(bytes.TrimSpace(line[:i])) > 0 {
			n.Lines().Append(text.NewSegment(seg.Start, seg.Start+i))
		}
		n.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (p mathBlockParser) Close(node gast.Node, reader text.Reader, pc parser.Context) {
	n := node.(*MathBlock)
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(reader.Source()))
	}
	n.TeX = strings.TrimSpace(b.String())
	if !n.closed {
		report(pc, n.Pos(), "display math opened with $$ is never closed: end it with a line $$")
		return
	}
	if n.TeX == "" {
		report(pc, n.Pos(), "display math is empty")
		return
	}
	var err error
	if n.MathML, err = p.cache.ToMathML(n.TeX, true); err != nil {
		report(pc, n.Pos(), "%s", err.Error())
	}
}

func (mathBlockParser) CanInterruptParagraph() bool { return true }
func (mathBlockParser) CanAcceptIndentedLine() bool { return false }

// MathHTMLRenderer writes formulas as MathML. A formula that could not be
// converted is written as its source in a code element, and the parse
// reports it as a problem.
type MathHTMLRenderer struct{}

// RegisterFuncs registers the renderer of both kinds of formula.
func (MathHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindInlineMath, func(w util.BufWriter, source []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			n := node.(*InlineMath)
			writeMath(w, n.MathML, n.TeX, false)
		}
		return gast.WalkSkipChildren, nil
	})
	reg.Register(KindMathBlock, func(w util.BufWriter, source []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			n := node.(*MathBlock)
			writeMath(w, n.MathML, n.TeX, true)
			_ = w.WriteByte('\n')
		}
		return gast.WalkSkipChildren, nil
	})
}

func writeMath(w util.BufWriter, mathML []byte, tex string, block bool) {
	if mathML != nil {
		_, _ = w.Write(mathML)
		return
	}
	if block {
		_, _ = w.WriteString("<pre><code>" + html.EscapeString(tex) + "</code></pre>")
		return
	}
	_, _ = w.WriteString("<code>" + html.EscapeString(tex) + "</code>")
}

type mathExtension struct{ cache *MathCache }

// Math is the extension that converts LaTeX formulas to MathML when the
// site is built, so that pages need no script to show them.
var Math goldmark.Extender = mathExtension{}

// NewMath returns the Math extension converting each formula once per
// cache c.
func NewMath(c *MathCache) goldmark.Extender { return mathExtension{cache: c} }

// Extend registers the parsers and the renderer.
func (e mathExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(mathBlockParser{cache: e.cache}, 90)),
		parser.WithInlineParsers(util.Prioritized(mathInlineParser{cache: e.cache}, 150)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(MathHTMLRenderer{}, 500)))
}
