package bundle

import (
	"bytes"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"nexuslab/site/serve"
)

// maxRules and maxLine are the limits Workers puts on a _headers file.
const (
	maxRules = 100
	maxLine  = 2000
)

// rule is one block of a _headers file: a URL pattern and the headers of
// the paths it matches.
type rule struct {
	pattern string
	header  http.Header
}

// HeadersFile writes the _headers file that gives each of files (URL
// paths) the headers serve.Headers gives it, and returns it with its
// number of rules. A rule for "/*" sets the headers most files share;
// later rules, for an embed folder or for a single file, detach what
// differs and set their own. Workers applies every matching rule in
// order, to files and to the 404 answers for paths under them alike.
func HeadersFile(files []string) ([]byte, int, error) {
	base := serve.Headers("/")
	rules := []rule{{"/*", base}}
	// Files whose headers differ from the base share a rule per folder
	// when every file in the folder has the same headers.
	var dirs []string
	for _, f := range files {
		if d := ruleDir(f); d != "" && !same(serve.Headers(f), base) && !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	done := map[string]bool{}
	for _, dir := range dirs {
		var members []string
		for _, f := range files {
			if strings.HasPrefix(f, dir) {
				members = append(members, f)
			}
		}
		first := serve.Headers(members[0])
		if slices.ContainsFunc(members, func(f string) bool { return !same(serve.Headers(f), first) }) {
			continue
		}
		rules = append(rules, rule{dir + "*", first})
		for _, f := range members {
			done[f] = true
		}
	}
	for _, f := range files {
		if h := serve.Headers(f); !done[f] && !same(h, base) {
			if strings.ContainsAny(f, "*:! \t") {
				return nil, 0, fmt.Errorf("bundle: %s cannot be written as a _headers pattern", f)
			}
			rules = append(rules, rule{f, h})
		}
	}
	if len(rules) > maxRules {
		return nil, 0, fmt.Errorf("bundle: the site needs %d _headers rules, more than the %d Workers allows", len(rules), maxRules)
	}
	var b bytes.Buffer
	b.WriteString("# Written by the Worker bundler from package serve's rules; do not edit.\n")
	for i, r := range rules {
		b.WriteString(r.pattern + "\n")
		for _, k := range slices.Sorted(maps.Keys(r.header)) {
			v := r.header.Get(k)
			if i > 0 {
				if bv := base.Get(k); bv == v {
					continue
				} else if bv != "" {
					fmt.Fprintf(&b, "  ! %s\n", k)
				}
			}
			fmt.Fprintf(&b, "  %s: %s\n", k, v)
		}
		if i > 0 {
			for _, k := range slices.Sorted(maps.Keys(base)) {
				if r.header.Get(k) == "" {
					fmt.Fprintf(&b, "  ! %s\n", k)
				}
			}
		}
	}
	for line := range strings.Lines(b.String()) {
		if len(line) > maxLine {
			return nil, 0, fmt.Errorf("bundle: a _headers line is %d characters, more than the %d Workers allows", len(line), maxLine)
		}
	}
	return b.Bytes(), len(rules), nil
}

// ruleDir returns the folder whose rule may cover f: the embed pages'
// folder of any language, "" for others. Fingerprinted assets get a rule
// each, not one for /assets/*: a rule also applies to the 404 answer for
// a missing path under it, and a year of caching suits no 404.
func ruleDir(f string) string {
	if i := strings.Index(f, serve.EmbedPrefix); i >= 0 && serve.Embeddable(f) {
		return f[:i+len(serve.EmbedPrefix)]
	}
	return ""
}

// same reports whether two header sets are equal.
func same(a, b http.Header) bool {
	return maps.EqualFunc(a, b, slices.Equal)
}
