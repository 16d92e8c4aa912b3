package site

import (
	"bytes"
	"net/url"
	"strings"
)

// checkLinks reports internal links and images whose target page, file
// or anchor the built site does not have. Pages are scanned for their
// ids only when a link points into them.
func (s *site) checkLinks() {
	ids := map[string]map[string]bool{} // page URL to its element ids
	idsOf := func(u string) map[string]bool {
		if set, ok := ids[u]; ok {
			return set
		}
		data, ok := s.out[strings.TrimPrefix(u, "/")+"index.html"]
		if !ok && u == "/404.html" {
			data, ok = s.out["404.html"]
		}
		var set map[string]bool
		if ok {
			set = map[string]bool{}
			for rest := data; ; {
				i := bytes.Index(rest, []byte(` id="`))
				if i < 0 {
					break
				}
				rest = rest[i+5:]
				j := bytes.IndexByte(rest, '"')
				if j < 0 {
					break
				}
				set[string(rest[:j])] = true
				rest = rest[j:]
			}
		}
		ids[u] = set
		return set
	}
	exists := func(u string) bool {
		_, ok := s.out[strings.TrimPrefix(u, "/")+"index.html"]
		return ok && strings.HasSuffix(u, "/")
	}
	var all []link
	for _, c := range s.studies {
		all = append(all, c.links...)
	}
	for _, p := range s.pathways {
		all = append(all, p.links...)
	}
	for _, p := range s.pages {
		all = append(all, p.links...)
	}
	for _, l := range all {
		if msg := s.checkLink(l, exists, idsOf); msg != "" {
			s.problem(Problem{File: l.file, Line: l.line, Msg: msg})
		}
	}
}

// checkLink returns what is wrong with a link, or "".
func (s *site) checkLink(l link, exists func(u string) bool, ids func(u string) map[string]bool) string {
	d, err := url.Parse(l.dest)
	if err != nil {
		return "link " + l.dest + " is not a valid URL"
	}
	if d.Scheme != "" || d.Host != "" {
		return ""
	}
	from, _ := url.Parse(l.from)
	t := from.ResolveReference(d)
	what := "link"
	if l.image {
		what = "image"
	}
	p := t.Path
	switch {
	case s.media[p] || s.out[strings.TrimPrefix(p, "/")] != nil:
		if d.Fragment != "" {
			return what + " " + l.dest + ": only pages have anchors"
		}
		return ""
	case !strings.HasSuffix(p, "/") && exists(p+"/"):
		return "broken " + what + " " + l.dest + ": write " + p + "/ with the final slash"
	case !exists(p):
		return "broken " + what + " " + l.dest + ": the site has no page " + p
	case d.Fragment != "" && !ids(p)[d.Fragment]:
		return "broken " + what + " " + l.dest + ": " + p + " has no anchor #" + d.Fragment
	}
	return ""
}
