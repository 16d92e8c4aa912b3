package markup

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Term is a glossary entry as the text refers to it.
type Term struct {
	Forms []string // the words that name it, such as "qubit" and "qubits"; matched ignoring case
	URL   string   // where it is defined, such as /glossary/#qubit
}

// GlossaryLinkClass is the class of a link the glossary adds.
const GlossaryLinkClass = "gloss"

type glossaryTransformer struct {
	// byWord maps the lower-case first word of each form to the forms
	// starting with it, longest first, so that text is scanned once, word
	// by word, whatever the size of the glossary.
	byWord map[string][]glossaryForm
	urls   []string
}

type glossaryForm struct {
	text string // as written in the glossary
	term int    // index in urls
}

// NewGlossaryTransformer returns the transformer that links the first use
// of each term on a page to its definition. Text in headings, links,
// code, formulas and callout titles is left alone, and a term is found
// only within one run of text, not across a line break.
func NewGlossaryTransformer(terms []Term) parser.ASTTransformer {
	g := &glossaryTransformer{byWord: map[string][]glossaryForm{}}
	seen := map[string]bool{}
	for i, t := range terms {
		g.urls = append(g.urls, t.URL)
		for _, f := range t.Forms {
			f = strings.TrimSpace(f)
			low := strings.ToLower(f)
			if f == "" || seen[low] {
				continue
			}
			seen[low] = true
			w := firstWord(low)
			g.byWord[w] = append(g.byWord[w], glossaryForm{text: f, term: i})
		}
	}
	for _, forms := range g.byWord {
		// Longer forms first: "quantum key distribution" before "quantum".
		slices.SortStableFunc(forms, func(a, b glossaryForm) int { return len(b.text) - len(a.text) })
	}
	return g
}

// firstWord returns the leading run of letters and digits of s.
func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s[:i]
		}
	}
	return s
}

// find returns the first use in value of a term not yet linked: its
// start, end and term index, or -1.
func (g *glossaryTransformer) find(value []byte, linked []bool) (int, int, int) {
	s := string(value)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		// The scan moves a whole word at a time, so i starts a word.
		w := firstWord(s[i:])
		for _, f := range g.byWord[strings.ToLower(w)] {
			end := i + len(f.text)
			if !linked[f.term] && end <= len(s) && strings.EqualFold(s[i:end], f.text) && wordBoundary(value, i, end) {
				return i, end, f.term
			}
		}
		i += len(w)
	}
	return -1, -1, -1
}

func (g *glossaryTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	if len(g.byWord) == 0 {
		return
	}
	source := reader.Source()
	linked := make([]bool, len(g.urls))
	var texts []*gast.Text
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Heading, *gast.Link, *gast.AutoLink, *gast.Image, *gast.CodeSpan,
			*gast.CodeBlock, *gast.FencedCodeBlock, *CalloutTitle, *SimBlock, *InlineMath, *MathBlock:
			return gast.WalkSkipChildren, nil
		case *gast.Text:
			if !n.IsRaw() {
				texts = append(texts, n)
			}
		}
		return gast.WalkContinue, nil
	})
	for _, t := range texts {
		g.link(t, source, linked)
	}
}

// link splits t around the first unlinked use of each term it contains.
func (g *glossaryTransformer) link(t *gast.Text, source []byte, linked []bool) {
	for {
		seg := t.Segment
		value := seg.Value(source)
		start, stop, term := g.find(value, linked)
		if term < 0 {
			return
		}
		linked[term] = true
		parent := t.Parent()
		link := gast.NewLink()
		link.Destination = []byte(g.urls[term])
		link.SetAttributeString("class", []byte(GlossaryLinkClass))
		link.SetPos(seg.Start + start)
		word := gast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+stop))
		link.AppendChild(link, word)
		if start > 0 {
			before := gast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+start))
			parent.InsertBefore(parent, t, before)
		}
		parent.InsertBefore(parent, t, link)
		// The rest of the text, possibly empty, keeps the line break the
		// text ended with.
		t.Segment = seg.WithStart(seg.Start + stop)
		if stop == len(value) {
			return
		}
	}
}

// wordBoundary reports whether b[i:j] is a whole word: no letter or digit
// touches it on either side.
func wordBoundary(b []byte, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRune(b[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if j < len(b) {
		r, _ := utf8.DecodeRune(b[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// Glossary is the extension that links each glossary term's first use on
// a page to its definition, with class "gloss".
type Glossary struct {
	Terms []Term
}

// Extend registers the transformer. It runs after callouts and figures
// have taken their shape.
func (e *Glossary) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(NewGlossaryTransformer(e.Terms), 900)))
}
