// Package site generates the Nexus Lab static site from content/ and
// serves a built site.
//
// # Content
//
// content/ holds case studies (case-studies/*.md), learning pathways
// (pathways/*.md), plain pages (pages/*.md), the glossary
// (glossary.yaml), images (media/) and the interface text of each
// language (i18n/LANG.yaml). Markdown files start with YAML front matter;
// README.md documents every field. Unknown fields are errors.
//
// # Building
//
// Build loads and validates the content, renders Markdown through package
// markup, applies the html/template layouts in templates/, and writes
// every page in memory: case studies, the filterable listing and a page
// per taxonomy term, pathways, the glossary, the simulation gallery and
// an embed page and oEmbed response per simulation, plain pages, search
// with its prebuilt index, the 404 page, the Atom feed, sitemap.xml and
// robots.txt. It then checks internal links and anchors against the
// result and the message catalogues against the keys the templates and
// the site use. Files are written as they are rendered, with
// fingerprinted assets and .br and .gz twins, into a temporary folder
// beside Config.Out, which takes its place only when nothing is wrong;
// otherwise the folder is removed and Config.Out is left alone. Check
// runs every step but the writing.
//
// Every problem is reported at once as FILE:LINE: message in Problems.
//
// # Interface text
//
// Templates take every word they show from the catalogue through the t
// and tn functions; scripts get theirs from data-* attributes. Pages are
// rendered in English. Other catalogues are checked against English for
// missing and unknown keys and changed placeholders.
//
// # Serving
//
// Handler serves a built site; package serve holds its rules.
//
// The site uses the simulation catalogue only to validate embedded
// simulations and to draw their static previews.
package site
