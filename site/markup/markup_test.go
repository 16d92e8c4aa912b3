package markup

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/testutil"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// testMarkdown is the converter of the golden tests: a sim directive
// renders as a marker with its parameters, and two glossary terms exist.
func testMarkdown() goldmark.Markdown {
	return New(Options{
		Sim: func(w util.BufWriter, source []byte, n *SimBlock) error {
			if n.Err != nil {
				_, err := fmt.Fprintf(w, "<p>sim error: %s</p>\n", html.EscapeString(n.Err.Error()))
				return err
			}
			_, err := fmt.Fprintf(w, "<div data-sim=\"%s\" data-query=\"%s\"></div>\n", n.Name, html.EscapeString(n.Params.Encode()))
			return err
		},
		Glossary: []Term{
			{Forms: []string{"qubit", "qubits"}, URL: "/glossary/#qubit"},
			{Forms: []string{"quantum key distribution", "QKD"}, URL: "/glossary/#quantum-key-distribution"},
		},
	})
}

var update = flag.Bool("update", false, "rewrite the expected HTML of testdata/*.txt from the current output")

// TestGolden runs the cases of every testdata/*.txt file: Markdown in,
// HTML out, one file per extension.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, f := range files {
		if *update {
			if err := rewriteGolden(f); err != nil {
				t.Fatal(err)
			}
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			testutil.DoTestCaseFile(testMarkdown(), f, t)
		})
	}
}

const (
	caseSep = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
	partSep = "//- - - - - - - - -//"
)

// rewriteGolden replaces the expected HTML of every case in file with
// what the converter writes now; review the diff before keeping it.
func rewriteGolden(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var out strings.Builder
	cases := strings.Split(strings.TrimSpace(string(data)), caseSep)
	for i, c := range cases[:len(cases)-1] {
		parts := strings.Split(strings.Trim(c, "\n"), partSep)
		if len(parts) != 3 {
			return fmt.Errorf("%s: case %d is malformed", file, i+1)
		}
		input := strings.Trim(parts[1], "\n")
		var b bytes.Buffer
		if err := testMarkdown().Convert([]byte(input), &b); err != nil {
			return err
		}
		if i > 0 {
			out.WriteString("\n")
		}
		out.WriteString(strings.TrimSpace(parts[0]) + "\n" + partSep + "\n" + input + "\n" + partSep + "\n" + b.String() + caseSep + "\n")
	}
	return os.WriteFile(file, []byte(out.String()), 0o644)
}

// TestProblems checks the exact message and offset of what each
// extension refuses to guess.
func TestProblems(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string // offset: message
	}{
		{"> [!NOTA]\n> text\n", `2: unknown callout [!NOTA] (known: NOTE, TIP, IMPORTANT, WARNING, CAUTION)`},
		{"Energy $\\frac{1}{$ here.\n", `7: math: mismatched curly brace at position 4 in "\\frac{1}{"`},
		{"An $\\operatorname{x}$.\n", `3: math: unknown command \operatorname in "\\operatorname{x}"`},
		{"Text\n\n$$\nx^2\n", `6: display math opened with $$ is never closed: end it with a line $$`},
		{"$$ $$\n", `0: display math is empty`},
		{"A $\\color{red\" onclick=\"alert(1)}{x}$ b\n", ``},
		{"A $\\text{\"><script>}$ b\n", `2: math: cannot convert "\\text{\"><script>}"`},
		{"A $\\sqrt$ b\n", `2: math: sqrt requires one or more arguments in "\\sqrt"`},
	} {
		pc := parser.NewContext(parser.WithIDs(NewIDs()))
		var b bytes.Buffer
		md := testMarkdown()
		src := []byte(c.src)
		if err := md.Renderer().Render(&b, src, md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range Problems(pc) {
			got = append(got, fmt.Sprintf("%d: %s", p.Offset, p.Msg))
		}
		if g := strings.Join(got, "\n"); g != c.want {
			t.Errorf("%q:\ngot  %s\nwant %s", c.src, g, c.want)
		}
		if strings.Contains(b.String(), `onclick="`) || strings.Contains(b.String(), "<script") || strings.Contains(b.String(), "style=") {
			t.Errorf("%q: unsafe output %s", c.src, b.String())
		}
	}
}
