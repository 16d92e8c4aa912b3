package site

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/yuin/goldmark"

	"nexuslab/sim"
)

// Config says what to build and where.
type Config struct {
	// Content is the content folder, e.g. os.DirFS("content").
	Content fs.FS
	// ContentPath is how problems name the content folder, e.g.
	// "content", so that editors can open FILE:LINE. Empty names files
	// relative to it.
	ContentPath string
	// Out is the output folder. Build replaces it whole, or leaves it
	// alone when the build fails.
	Out string
	// Wasm is the path of the compiled simulation program. Empty builds a
	// site whose simulations show only their static previews.
	Wasm string
	// WasmExec is the path of the wasm_exec.js matching the Go that
	// compiled Wasm.
	WasmExec string
	// BaseURL is the absolute URL the site is published at, used in
	// feeds, sitemaps and social cards. Empty means http://localhost:8080.
	BaseURL string
	// CacheDir keeps compressed assets between builds. Empty disables it.
	CacheDir string
	// NoCompress skips writing the .br and .gz twins of text files: for
	// previews and for measuring the rendering alone.
	NoCompress bool
	// SimKeys lists every message key the simulations print, found in
	// their source (nexus check reads it). With it, the check of the
	// simulations' catalogues also reports keys no simulation uses; nil
	// checks only the keys the site can list itself.
	SimKeys []string
	// Warn receives what is incomplete but does not stop a build, such
	// as untranslated pages and missing translations, sorted by file and
	// line once the build has run. Nil ignores warnings.
	Warn func(Problem)
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// asset is a file written under /assets/ with its content hash in the name.
type asset struct {
	URL  string // site path, e.g. /assets/style.1a2b3c4d.css
	Size int64  // bytes on disk
}

// site is one build in progress.
type site struct {
	cfg      Config
	assets   map[string]*asset             // by logical name, e.g. "style.css"
	pageTmpl map[string]*template.Template // by page name
	partTmpl *template.Template            // base and partials, for cachedPart
	parts    sync.Map                      // cachedPart's results by name and key
	bufs     sync.Pool                     // *bytes.Buffer, see buffer
	tkeys    []templateKey
	cats     map[string]*catalogue
	cat      *catalogue // the language pages are rendered in
	md       goldmark.Markdown
	wasm     WasmInfo

	lang    language   // the language this site renders
	langs   []language // every language, English first
	shared  *shared
	simCats map[string]*simCatalogue // the simulations' text by language
	pr      sim.Printer              // the simulations' text in lang

	studies  []*CaseStudy
	pathways []*Pathway
	pages    []*PlainPage
	gloss    *glossary
	media    map[string]bool // paths of files under /media/
	facets   []*facet

	previews sync.Map // preview key to *previewResult

	mu    sync.Mutex
	probs Problems
	warns Problems
	out   map[string][]byte // rendered files by site path, without the leading /; see emit
	w     *treeWriter       // writes s.out as it fills; nil when only checking
}

// Build renders the site described by cfg. When the content has problems
// it returns them as Problems and writes nothing.
func Build(cfg Config) error {
	s, err := newSite(cfg)
	if err != nil {
		return err
	}
	var c *compressor
	if !cfg.NoCompress {
		c = &compressor{cacheDir: cfg.CacheDir}
	}
	// Pages are written as they are rendered, into a folder that takes
	// the place of cfg.Out once every file is written.
	w, err := newTreeWriter(cfg.Out, c)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	defer os.RemoveAll(w.root)
	s.w = w
	if err := s.render(); err != nil {
		_ = w.wait()
		return err
	}
	return s.write()
}

// Check validates the content in cfg without writing anything: it runs
// every step of Build except writing files.
func Check(cfg Config) error {
	s, err := newSite(cfg)
	if err != nil {
		return err
	}
	return s.render()
}

func newSite(cfg Config) (*site, error) {
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://localhost:8080"
	}
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	if cfg.Content == nil {
		return nil, fmt.Errorf("site: no content folder")
	}
	return &site{cfg: cfg, assets: map[string]*asset{}, out: map[string][]byte{}, media: map[string]bool{},
		lang: language{Code: defaultLang, Name: "English"}, pr: sim.English{},
		shared: &shared{contentPages: map[string]bool{}, translated: map[string]bool{}}}, nil
}

// warn records what is incomplete without failing the build.
func (s *site) warn(ps ...Problem) {
	s.mu.Lock()
	s.warns = append(s.warns, ps...)
	s.mu.Unlock()
}

// absorb takes over the problems and warnings another language's site
// found.
func (s *site) absorb(ls *site) {
	ls.mu.Lock()
	probs, warns := ls.probs, ls.warns
	ls.probs, ls.warns = nil, nil
	ls.mu.Unlock()
	s.problem(probs...)
	s.warn(warns...)
}

// sendWarnings hands the warnings to Config.Warn, in file and line order.
func (s *site) sendWarnings() {
	if s.cfg.Warn == nil {
		return
	}
	for _, w := range s.warns.sorted() {
		if s.cfg.ContentPath != "" && !strings.HasPrefix(w.File, "site/") {
			w.File = path.Join(filepath.ToSlash(s.cfg.ContentPath), w.File)
		}
		s.cfg.Warn(w)
	}
}

// problem records problems found by any step.
func (s *site) problem(ps ...Problem) {
	s.mu.Lock()
	s.probs = append(s.probs, ps...)
	s.mu.Unlock()
}

// failed returns the problems found so far, named for the reader, or nil.
func (s *site) failed() error {
	if len(s.probs) == 0 {
		return nil
	}
	ps := s.probs.sorted()
	if s.cfg.ContentPath != "" {
		for i := range ps {
			if !strings.HasPrefix(ps[i].File, "site/") {
				ps[i].File = path.Join(filepath.ToSlash(s.cfg.ContentPath), ps[i].File)
			}
		}
	}
	return ps
}

// render loads, validates and renders the whole site into s.out.
func (s *site) render() error {
	if err := s.loadAssets(); err != nil {
		return err
	}
	cats, probs := loadCatalogues(s.cfg.Content)
	s.cats, s.cat = cats, cats[defaultLang]
	s.problem(probs...)
	if s.cat == nil {
		return s.failed()
	}
	s.langs = languages(cats)
	s.lang = s.langs[0]
	simCats, probs := loadSimCatalogues(s.cfg.Content, cats)
	s.simCats = simCats
	s.problem(probs...)
	if err := s.loadTemplates(); err != nil {
		return err
	}
	if err := s.loadContent(); err != nil {
		return err
	}
	s.checkSimCatalogues()
	for _, p := range s.contentURLs() {
		s.shared.contentPages[p] = true
	}
	// Every other language mirrors the English site under /LANG/, with
	// the English text wherever a translation is missing.
	var others []*site
	for _, l := range s.langs[1:] {
		ls, err := s.forLang(l)
		if err != nil {
			return err
		}
		s.absorb(ls)
		others = append(others, ls)
	}
	if s.w != nil {
		// The pages' folders are known: making them while the Markdown
		// renders takes that work off the end of the build.
		s.w.makeDirs(s.pageDirs())
	}
	// Bodies and references are checked even when some files failed to
	// load, so that one run reports every problem it can; links are
	// checked only once every page exists.
	s.md = s.markdown()
	s.renderMarkdown()
	s.resolve()
	for _, ls := range others {
		ls.md = ls.markdown()
		ls.renderMarkdown()
		ls.resolve()
		s.absorb(ls)
	}
	if err := s.failed(); err != nil {
		s.sendWarnings()
		return err
	}
	// English comes last: its feeds, sitemap and service worker list the
	// files of every language.
	for _, ls := range others {
		if err := ls.renderPages(); err != nil {
			return err
		}
	}
	if err := s.renderPages(); err != nil {
		return err
	}
	s.checkLinks()
	for _, ls := range others {
		ls.checkLinks()
		s.absorb(ls)
	}
	probs, warns := checkCatalogues(s.cats, s.tkeys)
	s.problem(probs...)
	s.warn(warns...)
	s.sendWarnings()
	return s.failed()
}

// loadContent reads every kind of content, collecting problems.
func (s *site) loadContent() error {
	read := func(dir string, load func(file string, src []byte) Problems) error {
		files, err := s.markdownFiles(dir)
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		// Files are read and decoded in parallel; load keeps the order.
		srcs := make([][]byte, len(files))
		err = parallel(len(files), func(i int) error {
			var err error
			srcs[i], err = fs.ReadFile(s.cfg.Content, files[i])
			return err
		})
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		for i, f := range files {
			s.problem(load(f, srcs[i])...)
		}
		return nil
	}
	files, err := s.markdownFiles("case-studies")
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	studies := make([]*CaseStudy, len(files))
	err = parallel(len(files), func(i int) error {
		src, err := fs.ReadFile(s.cfg.Content, files[i])
		if err != nil {
			return err
		}
		c, ps := loadCaseStudy(files[i], src)
		studies[i] = c
		s.problem(ps...)
		return nil
	})
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	for _, c := range studies {
		if c != nil {
			s.studies = append(s.studies, c)
		}
	}
	slices.SortFunc(s.studies, func(a, b *CaseStudy) int {
		if c := b.Date().Compare(a.Date()); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	err = read("pathways", func(f string, src []byte) Problems {
		p, ps := loadPathway(f, src)
		if p != nil {
			s.pathways = append(s.pathways, p)
		}
		return ps
	})
	if err != nil {
		return err
	}
	err = read("pages", func(f string, src []byte) Problems {
		p, ps := loadPlainPage(f, src)
		if p != nil {
			s.pages = append(s.pages, p)
		}
		return ps
	})
	if err != nil {
		return err
	}
	src, err := fs.ReadFile(s.cfg.Content, glossaryFile)
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("site: %w", err)
	}
	g, ps := loadGlossary(src)
	s.gloss = g
	s.problem(ps...)
	return s.loadMedia()
}

// markdownFiles lists the English Markdown files of a content folder,
// leaving out translations (NAME.LANG.md), which forLang reads.
func (s *site) markdownFiles(dir string) ([]string, error) {
	files, err := readMarkdown(s.cfg.Content, dir)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(files, s.isTranslation), nil
}

// loadMedia lists content/media, copied to /media/ as it is.
func (s *site) loadMedia() error {
	err := fs.WalkDir(s.cfg.Content, "media", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == "media" {
				return fs.SkipAll
			}
			return err
		}
		if !d.IsDir() {
			s.media["/"+p] = true
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("site: media: %w", err)
	}
	return nil
}

// pageNames are the page templates, each defining "page".
var pageNames = []string{"home", "case-study", "list", "terms", "pathways", "pathway", "glossary", "gallery", "embed", "page", "search", "offline", "404"}

// loadTemplates parses every template once. Each page template defines
// its own "main"; they are parsed into separate sets sharing the base.
func (s *site) loadTemplates() error {
	funcs := template.FuncMap{
		"asset": func(name string) string {
			if name == "search.json" {
				name = s.searchIndexName()
			}
			if a, ok := s.assets[name]; ok {
				return a.URL
			}
			return "/assets/" + name
		},
		"mb":  func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) },
		"abs": func(p string) string { return s.cfg.BaseURL + p },
		// href turns a site path written in a template into the same page
		// in the language being rendered.
		"href": func(p string) string { return s.lang.localize(p) },
		"t": func(key string, args ...any) string {
			return s.cat.T(key, args...)
		},
		"tn": func(key string, n int) string { return s.cat.N(key, n) },
		// cached renders a part of the page that is the same on many
		// pages once per site: the template name given key as its data.
		"cached": func(name string, key any) (template.HTML, error) {
			return s.cachedPart(name, key)
		},
	}
	root := template.New("").Funcs(funcs)
	if _, err := root.ParseFS(templateFS, "templates/base.html", "templates/partials.html"); err != nil {
		return fmt.Errorf("site: templates: %w", err)
	}
	set := template.Must(root.Clone())
	var trees []*parse.Tree
	for _, t := range set.Templates() {
		if t.Tree != nil {
			trees = append(trees, t.Tree)
		}
	}
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.Must(root.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return fmt.Errorf("site: templates: %w", err)
		}
		pages[name] = t
		for _, n := range []string{"page", "main"} {
			if tt := t.Lookup(n); tt != nil && tt.Tree != nil {
				trees = append(trees, tt.Tree)
			}
		}
	}
	s.pageTmpl = pages
	s.partTmpl = set
	s.tkeys = templateKeys(trees)
	return nil
}

// cachedPart returns the template name executed with key as its data,
// rendered once per site: the page chrome depends on a few values, not
// on the page, and rendering it for every page would be most of the
// template work of a small page.
func (s *site) cachedPart(name string, key any) (template.HTML, error) {
	k := fmt.Sprint(name, "\x00", key)
	if h, ok := s.parts.Load(k); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := s.partTmpl.ExecuteTemplate(&b, name, key); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	s.parts.Store(k, h)
	return h, nil
}

// execute renders a page template into the site path out.
func (s *site) execute(name, out string, data pageData) error {
	out = s.lang.outPath(out)
	b := s.buffer()
	defer s.bufs.Put(b)
	if err := s.pageTmpl[name].ExecuteTemplate(b, "page", data); err != nil {
		return fmt.Errorf("site: render %s: %w", out, err)
	}
	s.emit(out, bytes.Clone(b.Bytes()))
	return nil
}

// emit records a rendered file at site path p and hands it to the
// writer.
func (s *site) emit(p string, data []byte) {
	s.mu.Lock()
	s.out[p] = data
	s.mu.Unlock()
	s.w.add(p, data)
}

// buffer returns an empty buffer from the site's pool, for rendering
// into before copying the result: a page grows its buffer many times,
// and reusing one saves that work and garbage for every other page.
// Put it back into s.bufs when done.
func (s *site) buffer() *bytes.Buffer {
	if b, ok := s.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

// loadAssets fingerprints the embedded assets and the simulation program.
func (s *site) loadAssets() error {
	err := fs.WalkDir(assetFS, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == swSource {
			return err
		}
		data, err := assetFS.ReadFile(p)
		if err != nil {
			return err
		}
		s.addAsset(path.Base(p), data)
		return nil
	})
	if err != nil {
		return fmt.Errorf("site: assets: %w", err)
	}
	for _, f := range []struct{ name, src string }{{"sims.wasm", s.cfg.Wasm}, {"wasm_exec.js", s.cfg.WasmExec}} {
		if f.src == "" {
			continue
		}
		data, err := os.ReadFile(f.src)
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		if f.name == "sims.wasm" {
			// Compressed before the writer has it, which then finds it
			// in the cache.
			z, err := (compressor{cacheDir: s.cfg.CacheDir}).compressed(data, "br")
			if err != nil {
				return fmt.Errorf("site: compress %s: %w", f.src, err)
			}
			s.wasm = WasmInfo{Size: int64(len(data)), Transfer: int64(len(z))}
		}
		s.addAsset(f.name, data)
	}
	if a, ok := s.assets["sims.wasm"]; ok {
		s.wasm.URL = a.URL
	}
	return nil
}

// addAsset fingerprints an asset and hands it to the writer at once: the
// slow, best compression of assets then overlaps with rendering.
func (s *site) addAsset(name string, data []byte) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	a := &asset{URL: "/assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext, Size: int64(len(data))}
	s.assets[name] = a
	s.w.add(strings.TrimPrefix(a.URL, "/"), data)
}

// WasmInfo is what a page says about the simulation program before
// loading it.
type WasmInfo struct {
	URL      string // fingerprinted path of sims.wasm
	Size     int64  // bytes once decompressed
	Transfer int64  // bytes over the wire with brotli
}

// write adds the media to the files the writer has been given while
// the site rendered, waits for it, and puts its folder in place of
// cfg.Out.
func (s *site) write() error {
	for p := range s.media {
		data, err := fs.ReadFile(s.cfg.Content, strings.TrimPrefix(p, "/"))
		if err != nil {
			_ = s.w.wait()
			return fmt.Errorf("site: %w", err)
		}
		s.w.add(strings.TrimPrefix(p, "/"), data)
	}
	if err := s.w.wait(); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	tmp := s.w.root
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	// The old site moves aside before the new one takes its place, so
	// the output is missing only between two renames, then is removed.
	old := ""
	if _, err := os.Stat(s.cfg.Out); err == nil {
		old = tmp + "-old"
		if err := os.Rename(s.cfg.Out, old); err != nil {
			return fmt.Errorf("site: replace %s: %w", s.cfg.Out, err)
		}
	}
	if err := os.Rename(tmp, s.cfg.Out); err != nil {
		return fmt.Errorf("site: replace %s: %w", s.cfg.Out, err)
	}
	if old != "" {
		if err := removeTree(old); err != nil {
			return fmt.Errorf("site: remove the previous build: %w", err)
		}
	}
	return nil
}

// removeTree removes a folder, its top-level entries in parallel.
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	err = parallel(len(entries), func(i int) error {
		return os.RemoveAll(filepath.Join(dir, entries[i].Name()))
	})
	if err != nil {
		return err
	}
	return os.RemoveAll(dir)
}

// parallel calls f(0) … f(n-1) on as many goroutines as there are CPUs
// and returns the first error.
func parallel(n int, f func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  int
	)
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				stop := first != nil
				mu.Unlock()
				if i >= n || stop {
					return
				}
				if err := f(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}
