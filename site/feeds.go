package site

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Links   []atomLink  `xml:"link"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Link       atomLink       `xml:"link"`
	Updated    string         `xml:"updated"`
	Summary    string         `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// oEmbed is the oEmbed 1.0 response of a simulation, a "rich" type whose
// html is the embed snippet.
type oEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	CacheAge     int    `json:"cache_age"`
}

// writeFeed writes the Atom feed of the case studies.
func (s *site) writeFeed() error {
	base := s.cfg.BaseURL
	feed := atomFeed{
		Lang:   s.cat.Lang,
		Title:  s.cat.T("feed.title"),
		ID:     base + "/",
		Links:  []atomLink{{Rel: "self", Href: base + "/feed.xml"}, {Href: base + "/"}},
		Author: atomAuthor{Name: s.cat.T("site.name")},
	}
	for _, c := range s.studies {
		day := c.Meta.Date + "T00:00:00Z"
		if day > feed.Updated {
			feed.Updated = day
		}
		e := atomEntry{Title: c.Meta.Title, ID: base + c.URL, Link: atomLink{Href: base + c.URL}, Updated: day, Summary: c.Meta.Summary}
		for _, sec := range c.Meta.Sectors {
			e.Categories = append(e.Categories, atomCategory{Term: sec, Label: s.cat.T("sector." + sec)})
		}
		feed.Entries = append(feed.Entries, e)
	}
	if feed.Updated == "" {
		feed.Updated = "2026-01-01T00:00:00Z"
	}
	data, err := xml.MarshalIndent(feed, "", " ")
	if err != nil {
		return fmt.Errorf("site: feed: %w", err)
	}
	s.emit("feed.xml", append([]byte(xml.Header), data...))
	return nil
}

// writeSitemap writes the sitemap of every page rendered, robots.txt and
// the oEmbed responses.
func (s *site) writeSitemap(gallery []*galleryEntry) error {
	base := s.cfg.BaseURL
	var urls []string
	for p := range s.out {
		if strings.HasSuffix(p, "index.html") {
			urls = append(urls, base+"/"+strings.TrimSuffix(p, "index.html"))
		}
	}
	slices.Sort(urls)
	var b strings.Builder
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(u))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	s.emit("sitemap.xml", []byte(b.String()))
	s.emit("robots.txt", []byte("User-agent: *\nAllow: /\nSitemap: "+base+"/sitemap.xml\n"))

	for _, g := range gallery {
		data, err := json.Marshal(oEmbed{
			Version: "1.0", Type: "rich", Title: g.Title, ProviderName: s.cat.T("site.name"), ProviderURL: base + "/",
			HTML: g.Snippet, Width: g.Width, Height: g.Height, CacheAge: 86400,
		})
		if err != nil {
			return fmt.Errorf("site: oembed: %w", err)
		}
		s.emit("oembed/"+g.Name+".json", data)
	}
	return nil
}
