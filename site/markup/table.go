package markup

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// alignClass is the class of an aligned table cell.
var alignClass = map[east.Alignment]string{
	east.AlignLeft:   "al",
	east.AlignCenter: "ac",
	east.AlignRight:  "ar",
}

type tableAlignTransformer struct{}

// NewTableAlignTransformer returns the transformer that gives aligned
// table cells a class (al, ac, ar): the page's security policy forbids
// the style attributes tables would otherwise carry.
func NewTableAlignTransformer() parser.ASTTransformer { return tableAlignTransformer{} }

func (tableAlignTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering {
			if class, ok := alignClass[c.Alignment]; ok {
				c.SetAttributeString("class", []byte(class))
			}
		}
		return gast.WalkContinue, nil
	})
}

type tableAlign struct{}

// TableAlign is the extension that aligns table cells with classes. Use
// it with the table extension's TableCellAlignNone.
var TableAlign goldmark.Extender = tableAlign{}

// Extend registers the transformer.
func (tableAlign) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(NewTableAlignTransformer(), 500)))
}
