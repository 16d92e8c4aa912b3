package simkeys

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Key is an English message key and where it was first found.
type Key struct {
	Text string
	File string // slash-separated path relative to the scanned root
	Line int
}

// keyFields are the struct fields whose constant string values are
// message keys.
var keyFields = map[string]bool{"Label": true, "Help": true, "Title": true, "Summary": true, "Keys": true, "Format": true}

// listFields are the struct fields whose constant string elements are
// message keys.
var listFields = map[string]bool{"Choices": true, "ChoiceLabels": true}

// keyArgs maps the functions and methods that take message keys to the
// positions of those arguments: a Printer's Sprintf; sim's deferred
// messages and translatable errors (msgf, Errorf, ParamErrorf); and the
// translatable errors and phrases of sim/quantum/qasm (errorf, ErrorAt,
// phrasef, plural). Sprintf and Errorf of package fmt take none.
var keyArgs = map[string][]int{
	"Sprintf":     {0},
	"Errorf":      {0},
	"msgf":        {0},
	"ParamErrorf": {1},
	"errorf":      {1},
	"ErrorAt":     {2},
	"phrasef":     {0},
	"plural":      {1, 2},
}

// Extract scans the Go files under each of dirs (relative to root),
// skipping tests and testdata, and returns the message keys found,
// sorted, each once.
func Extract(root string, dirs ...string) ([]Key, error) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() {
				if e.Name() == "testdata" || strings.HasPrefix(e.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			files = append(files, f)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("simkeys: %w", err)
		}
	}
	consts := constants(files)
	seen := map[string]Key{}
	add := func(pkg string, e ast.Expr) {
		for _, s := range stringsOf(pkg, e, consts) {
			if _, ok := seen[s]; ok || s == "" {
				continue
			}
			pos := fset.Position(e.Pos())
			rel, err := filepath.Rel(root, pos.Filename)
			if err != nil {
				rel = pos.Filename
			}
			seen[s] = Key{Text: s, File: filepath.ToSlash(rel), Line: pos.Line}
		}
	}
	for _, f := range files {
		pkg := f.Name.Name
		// Choices given labels are values, not keys: the labels are shown.
		labelled := map[ast.Node]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if field(n, "ChoiceLabels") != nil {
					if c := field(n, "Choices"); c != nil {
						labelled[c] = true
					}
				}
			case *ast.CallExpr:
				if len(n.Args) == 0 {
					return true
				}
				var name string
				switch fn := n.Fun.(type) {
				case *ast.SelectorExpr:
					if !isIdent(fn.X, "fmt") {
						name = fn.Sel.Name
					}
				case *ast.Ident:
					name = fn.Name
				}
				for _, i := range keyArgs[name] {
					if i < len(n.Args) {
						add(pkg, n.Args[i])
					}
				}
			case *ast.KeyValueExpr:
				k, ok := n.Key.(*ast.Ident)
				if !ok {
					return true
				}
				switch {
				case keyFields[k.Name]:
					add(pkg, n.Value)
				case listFields[k.Name] && !labelled[n]:
					if lit, ok := n.Value.(*ast.CompositeLit); ok {
						for _, el := range lit.Elts {
							add(pkg, el)
						}
					} else {
						add(pkg, n.Value)
					}
				}
			}
			return true
		})
	}
	out := make([]Key, 0, len(seen))
	for _, k := range seen {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b Key) int { return strings.Compare(a.Text, b.Text) })
	return out, nil
}

// field returns the element of a composite literal that sets the field
// called name, or nil.
func field(lit *ast.CompositeLit, name string) *ast.KeyValueExpr {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, name) {
			return kv
		}
	}
	return nil
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// constants maps "pkg.Name" to the strings of package-level constants
// and variables initialised with string literals or lists of them.
func constants(files []*ast.File) map[string][]string {
	m := map[string][]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || (g.Tok != token.CONST && g.Tok != token.VAR) {
				continue
			}
			for _, s := range g.Specs {
				vs, ok := s.(*ast.ValueSpec)
				if !ok || len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					var strs []string
					switch v := vs.Values[i].(type) {
					case *ast.BasicLit:
						if s, ok := literal(v); ok {
							strs = []string{s}
						}
					case *ast.CompositeLit:
						for _, el := range v.Elts {
							if lit, ok := el.(*ast.BasicLit); ok {
								if s, ok := literal(lit); ok {
									strs = append(strs, s)
								}
							}
						}
					}
					if strs != nil {
						m[f.Name.Name+"."+name.Name] = strs
					}
				}
			}
		}
	}
	return m
}

// stringsOf returns the constant strings e stands for: a literal, a sum
// of literals, or a constant or list declared in a scanned package.
func stringsOf(pkg string, e ast.Expr, consts map[string][]string) []string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, ok := literal(e); ok {
			return []string{s}
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			l, r := stringsOf(pkg, e.X, consts), stringsOf(pkg, e.Y, consts)
			if len(l) == 1 && len(r) == 1 {
				return []string{l[0] + r[0]}
			}
		}
	case *ast.ParenExpr:
		return stringsOf(pkg, e.X, consts)
	case *ast.Ident:
		return consts[pkg+"."+e.Name]
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			return consts[x.Name+"."+e.Sel.Name]
		}
	}
	return nil
}

func literal(l *ast.BasicLit) (string, bool) {
	if l.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(l.Value)
	return s, err == nil
}

// Dirs are the folders holding the simulations' text, relative to the
// module root: the models and the browser program with its views.
var Dirs = []string{"sim", "wasm"}

// FromModule extracts the keys of the module rooted at root, or of the
// current directory when root is empty.
func FromModule(root string) ([]Key, error) {
	if root == "" {
		root = "."
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return nil, fmt.Errorf("simkeys: %s is not the module root: %w", root, err)
	}
	return Extract(root, Dirs...)
}
