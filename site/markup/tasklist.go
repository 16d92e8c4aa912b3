package markup

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindTaskLabel is the node kind of the label of a task list item.
var KindTaskLabel = gast.NewNodeKind("TaskLabel")

// TaskLabel holds the checkbox of a task list item and the text after
// it, so that the checkbox is named by that text.
type TaskLabel struct {
	gast.BaseInline
}

// Kind returns KindTaskLabel.
func (n *TaskLabel) Kind() gast.NodeKind { return KindTaskLabel }

// Dump writes the node for debugging.
func (n *TaskLabel) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, nil, nil)
}

type taskLabelTransformer struct{}

// NewTaskLabelTransformer returns the transformer that puts the checkbox
// of each task list item, with the rest of the item's first line of text,
// into a TaskLabel: a checkbox without a label has no accessible name.
func NewTaskLabelTransformer() parser.ASTTransformer { return taskLabelTransformer{} }

func (taskLabelTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	var boxes []*east.TaskCheckBox
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if b, ok := n.(*east.TaskCheckBox); ok && entering {
			boxes = append(boxes, b)
		}
		return gast.WalkContinue, nil
	})
	for _, b := range boxes {
		parent := b.Parent()
		label := &TaskLabel{}
		parent.InsertBefore(parent, b, label)
		for c := gast.Node(b); c != nil; {
			next := c.NextSibling()
			parent.RemoveChild(parent, c)
			label.AppendChild(label, c)
			c = next
		}
	}
}

// TaskLabelHTMLRenderer writes a TaskLabel as a label element around the
// checkbox and its text.
type TaskLabelHTMLRenderer struct{}

// RegisterFuncs registers the renderer of TaskLabel.
func (TaskLabelHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTaskLabel, func(w util.BufWriter, source []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<label>")
		} else {
			_, _ = w.WriteString("</label>")
		}
		return gast.WalkContinue, nil
	})
}

type taskLabels struct{}

// TaskLabels is the extension that labels the checkbox of each task list
// item with the item's text. Use it with goldmark's TaskList.
var TaskLabels goldmark.Extender = taskLabels{}

// Extend registers the transformer and the renderer.
func (taskLabels) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(NewTaskLabelTransformer(), 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(TaskLabelHTMLRenderer{}, 500)))
}
