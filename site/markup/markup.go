package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// Options configure the converter New returns. The zero value gives
// plain Markdown with the site's extensions and English labels.
type Options struct {
	// Sim writes the HTML of a sim directive. Nil writes nothing.
	Sim SimRenderFunc
	// Glossary lists the terms linked at their first use on a page.
	Glossary []Term
	// Label returns the text of an interface word the extensions write,
	// by message key (see Labels). Nil uses the English labels.
	Label func(key string) string
	// Math converts each distinct formula once, for every converter
	// given the same cache. Nil converts each formula where it is used.
	Math *MathCache
}

// New returns the site's Markdown converter. Raw HTML stays off: content
// is data, and templates escape everything else. Table cells get classes
// rather than style attributes, so pages need no inline styles.
func New(o Options) goldmark.Markdown {
	label := o.Label
	if label == nil {
		label = EnglishLabel
	}
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
			TaskLabels,
			extension.Footnote,
			extension.Typographer,
			TableAlign,
			NewMath(o.Math),
			&Callouts{Label: label},
			Figures,
			&Glossary{Terms: o.Glossary},
			&SimDirective{Render: o.Sim},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// Labels lists the message keys of the words the extensions write, with
// their English text.
var labels = map[string]string{
	"callout.note":      "Note",
	"callout.tip":       "Tip",
	"callout.important": "Important",
	"callout.warning":   "Warning",
	"callout.caution":   "Caution",
}

// Labels returns the message keys of the words the extensions write, with
// their English text, for a message catalogue to include.
func Labels() map[string]string {
	m := make(map[string]string, len(labels))
	for k, v := range labels {
		m[k] = v
	}
	return m
}

// EnglishLabel returns the English text of an extension's message key.
func EnglishLabel(key string) string {
	if s, ok := labels[key]; ok {
		return s
	}
	return key
}
