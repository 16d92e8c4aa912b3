package markup

import (
	"fmt"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// Problem is something wrong in the Markdown source: the extensions
// report what they cannot read instead of guessing.
type Problem struct {
	Offset int    // byte offset in the source
	Msg    string // what is wrong, in English
}

var problemsKey = parser.NewContextKey()

// report records a problem in the parser context.
func report(pc parser.Context, offset int, format string, args ...any) {
	ps, _ := pc.Get(problemsKey).([]Problem)
	pc.Set(problemsKey, append(ps, Problem{Offset: offset, Msg: fmt.Sprintf(format, args...)}))
}

// Problems returns the problems found while parsing with pc, in the order
// found. Pass a context to the parser with parser.WithContext to read it.
func Problems(pc parser.Context) []Problem {
	ps, _ := pc.Get(problemsKey).([]Problem)
	return ps
}

// Offset returns the byte offset in the source where n begins, taken
// from its nearest ancestor that records one, or -1.
func Offset(n gast.Node) int {
	for c := n; c != nil; c = c.Parent() {
		if p := c.Pos(); p >= 0 {
			return p
		}
	}
	return -1
}
