package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// New returns the site's Markdown converter. Raw HTML stays off: content
// is data, and templates escape everything else.
func New(sim SimRenderFunc) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.Typographer,
			&SimDirective{Render: sim},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}
