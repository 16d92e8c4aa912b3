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
	"strings"
)

// Config says what to build and where.
type Config struct {
	// Content is the content folder, e.g. os.DirFS("content").
	Content fs.FS
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
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// asset is a file written under /assets/ with its content hash in the name.
type asset struct {
	URL  string // site path, e.g. /assets/style.1a2b3c4d.css
	Size int64  // bytes on disk
	data []byte
	src  string // file to copy instead of data, for the large wasm
}

// site is one build in progress.
type site struct {
	cfg    Config
	out    string
	assets map[string]*asset // by logical name, e.g. "style.css"
	tmpl   map[string]*template.Template
	pages  []*Page
	probs  Problems
	wasm   WasmInfo
}

// Build renders the site described by cfg. When the content has problems
// it returns them as Problems and writes nothing.
func Build(cfg Config) error {
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://localhost:8080"
	}
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	s := &site{cfg: cfg, assets: map[string]*asset{}}
	if err := s.load(); err != nil {
		return err
	}
	if len(s.probs) > 0 {
		return s.probs
	}
	parent := filepath.Dir(filepath.Clean(cfg.Out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, ".build-")
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	defer os.RemoveAll(tmp)
	s.out = tmp
	if err := s.write(); err != nil {
		return err
	}
	if len(s.probs) > 0 {
		return s.probs
	}
	if err := (compressor{cacheDir: cfg.CacheDir}).compressTree(tmp); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := os.RemoveAll(cfg.Out); err != nil {
		return fmt.Errorf("site: replace %s: %w", cfg.Out, err)
	}
	if err := os.Rename(tmp, cfg.Out); err != nil {
		return fmt.Errorf("site: replace %s: %w", cfg.Out, err)
	}
	return nil
}

// Check validates the content in cfg without writing anything.
func Check(cfg Config) error {
	s := &site{cfg: cfg, assets: map[string]*asset{}}
	if err := s.load(); err != nil {
		return err
	}
	if len(s.probs) == 0 {
		s.renderAll(func(string, []byte) error { return nil })
	}
	if len(s.probs) > 0 {
		return s.probs
	}
	return nil
}

// load reads templates, assets and content, collecting problems.
func (s *site) load() error {
	if err := s.loadTemplates(); err != nil {
		return err
	}
	if err := s.loadAssets(); err != nil {
		return err
	}
	pages, probs := loadCaseStudies(s.cfg.Content)
	s.pages, s.probs = pages, probs
	return nil
}

func (s *site) loadTemplates() error {
	s.tmpl = map[string]*template.Template{}
	funcs := template.FuncMap{
		"asset": func(name string) string {
			if a, ok := s.assets[name]; ok {
				return a.URL
			}
			return "/assets/" + name
		},
		"mb": func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) },
		"abs": func(p string) string { return s.cfg.BaseURL + p },
	}
	for _, page := range []string{"home", "case-study", "embed", "404"} {
		t, err := template.New(page).Funcs(funcs).ParseFS(templateFS, "templates/base.html", "templates/partials.html", "templates/"+page+".html")
		if err != nil {
			return fmt.Errorf("site: templates: %w", err)
		}
		s.tmpl[page] = t
	}
	return nil
}

// loadAssets fingerprints the embedded assets and the simulation program.
func (s *site) loadAssets() error {
	err := fs.WalkDir(assetFS, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := assetFS.ReadFile(p)
		if err != nil {
			return err
		}
		s.addAsset(path.Base(p), data, "")
		return nil
	})
	if err != nil {
		return fmt.Errorf("site: assets: %w", err)
	}
	for name, src := range map[string]string{"sims.wasm": s.cfg.Wasm, "wasm_exec.js": s.cfg.WasmExec} {
		if src == "" {
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		s.addAsset(name, data, src)
		if name == "sims.wasm" {
			z, err := (compressor{cacheDir: s.cfg.CacheDir}).compressed(data, "br")
			if err != nil {
				return fmt.Errorf("site: compress %s: %w", src, err)
			}
			s.wasm = WasmInfo{URL: s.assets[name].URL, Size: int64(len(data)), Transfer: int64(len(z))}
		}
	}
	return nil
}

func (s *site) addAsset(name string, data []byte, src string) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	a := &asset{URL: "/assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext, Size: int64(len(data))}
	if src != "" {
		a.src = src
	} else {
		a.data = data
	}
	s.assets[name] = a
}

// WasmInfo is what a page says about the simulation program before
// loading it.
type WasmInfo struct {
	URL      string // fingerprinted path of sims.wasm
	Size     int64  // bytes once decompressed
	Transfer int64  // bytes over the wire with brotli
}

// write renders every page and copies the assets into s.out.
func (s *site) write() error {
	for _, a := range s.assets {
		dst := filepath.Join(s.out, filepath.FromSlash(strings.TrimPrefix(a.URL, "/")))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		data := a.data
		if a.src != "" {
			var err error
			if data, err = os.ReadFile(a.src); err != nil {
				return err
			}
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	return s.renderAll(func(p string, data []byte) error {
		dst := filepath.Join(s.out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

// renderAll renders every page and hands each to emit with its path
// inside the site. Content problems are collected in s.probs.
func (s *site) renderAll(emit func(path string, data []byte) error) error {
	render := func(page, out string, data any) error {
		var b bytes.Buffer
		if err := s.tmpl[page].ExecuteTemplate(&b, "page", data); err != nil {
			return fmt.Errorf("site: render %s: %w", out, err)
		}
		return emit(out, b.Bytes())
	}
	var studies []studyView
	for _, p := range s.pages {
		body, probs := s.renderMarkdown(p)
		s.probs = append(s.probs, probs...)
		studies = append(studies, studyView{Page: p, Body: body})
	}
	if len(s.probs) > 0 {
		return nil
	}
	for _, st := range studies {
		if err := render("case-study", "case-studies/"+st.Page.Slug+"/index.html", s.pageData(st.Page.Meta.Title, st.Page.Meta.Summary, st.Page.URL(), st)); err != nil {
			return err
		}
	}
	if err := render("home", "index.html", s.pageData("Nexus Lab", "Quantum computing and AI, learned by running simulations in the browser, tied to climate, agriculture and health.", "/", studies)); err != nil {
		return err
	}
	if err := render("404", "404.html", s.pageData("Page not found", "", "/404.html", nil)); err != nil {
		return err
	}
	return s.renderEmbeds(render)
}

// studyView is a rendered case study.
type studyView struct {
	Page *Page
	Body template.HTML
}

// pageData is what every template receives.
type pageData struct {
	Title       string
	Description string
	Path        string
	Lang        string
	Wasm        WasmInfo
	Content     any
}

func (s *site) pageData(title, desc, p string, content any) pageData {
	return pageData{Title: title, Description: desc, Path: p, Lang: "en", Wasm: s.wasm, Content: content}
}
