package site

import (
	"slices"
	"strconv"
	"strings"
)

// taxonomy is a way to classify case studies, with a page per term.
type taxonomy struct {
	Key   string // path element and message key: sectors
	Param string // query parameter and data attribute of the filters: sector
	// values lists a case study's terms as (value, name) pairs; name is
	// the display name for free-text terms, or empty for message keys.
	values func(c *CaseStudy) [][2]string
	// order sorts the taxonomy's terms.
	order []string
}

// taxonomies are the filters of the listing, in the order shown.
var taxonomies = []*taxonomy{
	{Key: "sectors", Param: "sector", order: sectors, values: func(c *CaseStudy) [][2]string { return pairs(c.Meta.Sectors) }},
	{Key: "sdgs", Param: "sdg", values: func(c *CaseStudy) [][2]string {
		var v [][2]string
		for _, n := range c.Meta.SDGs {
			v = append(v, [2]string{strconv.Itoa(n), ""})
		}
		return v
	}},
	{Key: "technologies", Param: "technology", order: technologies, values: func(c *CaseStudy) [][2]string { return pairs(c.Meta.Technologies) }},
	{Key: "regions", Param: "region", values: func(c *CaseStudy) [][2]string {
		var v [][2]string
		for i, r := range c.Meta.Regions {
			v = append(v, [2]string{slugify(r), c.regionName(i)})
		}
		return v
	}},
	{Key: "levels", Param: "level", order: levels, values: func(c *CaseStudy) [][2]string { return pairs([]string{c.Meta.Level}) }},
}

func pairs(vs []string) [][2]string {
	out := make([][2]string, 0, len(vs))
	for _, v := range vs {
		if v != "" {
			out = append(out, [2]string{v, ""})
		}
	}
	return out
}

// term is one value of a taxonomy and the case studies that have it.
type term struct {
	Tax     *taxonomy
	Value   string // as in URLs and data attributes
	Name    string // as shown
	URL     string
	Studies []*CaseStudy
}

// facet is a taxonomy with its terms, as the listing shows it.
type facet struct {
	Tax   *taxonomy
	Title string
	Intro string
	URL   string
	Terms []*term
}

// classify builds every taxonomy's terms from the case studies, which
// are in listing order. Terms no case study has get no page.
func classify(studies []*CaseStudy, cat *catalogue, prefix string) []*facet {
	var out []*facet
	for _, tx := range taxonomies {
		f := &facet{Tax: tx, Title: cat.T("taxonomy." + tx.Key), Intro: cat.T("taxonomy." + tx.Key + ".intro"), URL: prefix + "/" + tx.Key + "/"}
		byValue := map[string]*term{}
		for _, c := range studies {
			for _, v := range tx.values(c) {
				t := byValue[v[0]]
				if t == nil {
					name := v[1]
					if name == "" {
						name = cat.T(tx.Param + "." + v[0])
					}
					t = &term{Tax: tx, Value: v[0], Name: name, URL: f.URL + v[0] + "/"}
					byValue[v[0]] = t
					f.Terms = append(f.Terms, t)
				}
				if !slices.Contains(t.Studies, c) {
					t.Studies = append(t.Studies, c)
				}
			}
		}
		slices.SortFunc(f.Terms, func(a, b *term) int { return compareTerms(tx, a, b) })
		out = append(out, f)
	}
	return out
}

func compareTerms(tx *taxonomy, a, b *term) int {
	if tx.order != nil {
		return slices.Index(tx.order, a.Value) - slices.Index(tx.order, b.Value)
	}
	na, ea := strconv.Atoi(a.Value)
	nb, eb := strconv.Atoi(b.Value)
	if ea == nil && eb == nil {
		return na - nb
	}
	return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
}

// filterData returns the data attributes of a case study's card: for
// each taxonomy, its values separated by spaces.
func filterData(c *CaseStudy) map[string]string {
	m := map[string]string{}
	for _, tx := range taxonomies {
		var vs []string
		for _, v := range tx.values(c) {
			vs = append(vs, v[0])
		}
		m[tx.Param] = strings.Join(vs, " ")
	}
	return m
}
