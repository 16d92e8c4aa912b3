//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"nexuslab/build/internal/pipeline"
	"nexuslab/build/worker/internal/bundle"
	"nexuslab/sim/catalog"
	"nexuslab/site/serve"
)

// repoRoot is the repository root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// bundledDir is the folder bundled made, removed when the tests end.
var bundledDir = make(chan string, 1)

// bundled builds the site and the Worker bundle once for the whole test
// binary: both take a while.
var bundled = sync.OnceValues(func() (string, error) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
	dir, err := os.MkdirTemp("", "nexus-worker-")
	if err != nil {
		return "", err
	}
	bundledDir <- dir
	site := filepath.Join(dir, "public")
	if err := pipeline.Build(pipeline.Options{Root: root, Out: site}); err != nil {
		return dir, fmt.Errorf("build the site: %w", err)
	}
	if _, err := bundle.Bundle(bundle.Options{Root: root, Site: site, Out: filepath.Join(dir, "build")}); err != nil {
		return dir, err
	}
	return dir, nil
})

func TestMain(m *testing.M) {
	code := m.Run()
	select {
	case dir := <-bundledDir:
		os.RemoveAll(dir)
	default:
	}
	os.Exit(code)
}

func TestWorkerImportsNoEngines(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "ebiten") || strings.Contains(dep, "gonum") || strings.HasPrefix(dep, "nexuslab/sim") || dep == "nexuslab/site" {
			t.Errorf("the Worker imports %s: it must stay small enough for Workers", dep)
		}
	}
}

// freePort returns a loopback port nobody listens on at the moment.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// wranglerDev runs the bundle in workerd through wrangler dev on a free
// loopback port, and returns the base URL.
func wranglerDev(t *testing.T, dir string) string {
	t.Helper()
	root := repoRoot(t)
	cli := filepath.Join(root, "build", "node", "node_modules", "wrangler", "bin", "wrangler.js")
	if _, err := os.Stat(cli); err != nil {
		t.Fatalf("wrangler is not installed (%v): run `npm ci --prefix build/node` from the repository root", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("Node.js is needed to run wrangler: install it (Debian: sudo apt-get install -y nodejs): %v", err)
	}
	config, err := os.ReadFile(filepath.Join(root, "build", "worker", "wrangler.jsonc"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wrangler.jsonc"), config, 0o644); err != nil {
		t.Fatal(err)
	}
	port, inspector := freePort(t), freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, node, cli, "dev", "--config", filepath.Join(dir, "wrangler.jsonc"),
		"--ip", "127.0.0.1", "--port", fmt.Sprint(port), "--inspector-port", fmt.Sprint(inspector),
		"--show-interactive-dev-session=false", "--log-level", "info")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"WRANGLER_SEND_METRICS=false", // no telemetry
		"WRANGLER_HIDE_BANNER=true",   // the banner checks the registry for updates
		"CLOUDFLARE_CF_FETCH_ENABLED=false",
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"WRANGLER_LOG_PATH="+filepath.Join(dir, "logs"),
		"NO_COLOR=1", "CI=true",
	)
	var logs syncBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	// Its own process group, so that workerd, its child, ends with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM) }
	cmd.WaitDelay = 10 * time.Second
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start wrangler: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cancel()
		<-exited
		if t.Failed() {
			t.Logf("wrangler dev output:\n%s", logs.String())
		}
	})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get(base + "/favicon.ico")
		if err == nil {
			resp.Body.Close()
			return base
		}
		select {
		case err := <-exited:
			t.Fatalf("wrangler dev exited before serving: %v\n%s", err, logs.String())
		case <-time.After(300 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("wrangler dev did not answer on %s within 3 minutes\n%s", base, logs.String())
		}
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// get sends one request without following redirects or decoding.
func get(t *testing.T, method, target string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "identity")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	c := &http.Client{
		Timeout:       time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, target, err)
	}
	return resp, body
}

func TestWorkerInWorkerd(t *testing.T) {
	dir, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "build", "site")
	// The site has no translation yet; give it a Vietnamese home page so
	// the negotiation has somewhere to go.
	if _, err := os.Stat(filepath.Join(site, "vi", "index.html")); os.IsNotExist(err) {
		if err := os.MkdirAll(filepath.Join(site, "vi"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, "vi", "index.html"), []byte("<!doctype html><title>Nexus Lab</title><p lang=vi>Trang chủ</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := wranglerDev(t, dir)

	t.Run("oembed", func(t *testing.T) {
		for _, e := range catalog.All() {
			page := base + "/embed/" + e.Name + "/?seed=7"
			resp, body := get(t, "GET", base+"/oembed?format=json&maxwidth=400&url="+url.QueryEscape(page), nil)
			var got struct {
				Type, Version, Title, HTML string
				Width, Height              int
			}
			if resp.StatusCode != 200 || json.Unmarshal(body, &got) != nil {
				t.Fatalf("oEmbed for %s: %d %q", e.Name, resp.StatusCode, body)
			}
			if got.Type != "rich" || got.Version != "1.0" || got.Title != e.Title || got.Width != 400 || got.Height != 260 ||
				!strings.Contains(got.HTML, `src="`+base+`/embed/`+e.Name+`/?seed=7"`) {
				t.Errorf("oEmbed for %s: %+v", e.Name, got)
			}
			if resp.Header.Get("Content-Type") != "application/json" || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("oEmbed for %s: headers %v", e.Name, resp.Header)
			}
			// Every simulation in the catalogue has its embed page.
			if resp, _ := get(t, "HEAD", page, nil); resp.StatusCode != 200 {
				t.Errorf("HEAD %s: %d", page, resp.StatusCode)
			}
		}
		for target, want := range map[string]int{
			"/oembed?url=" + url.QueryEscape(base+"/embed/nosuch/"):                   404,
			"/oembed?url=" + url.QueryEscape("https://elsewhere.example/embed/bell/"): 404,
			"/oembed?format=xml&url=" + url.QueryEscape(base+"/embed/bell/"):          501,
			"/oembed?maxwidth=wide&url=" + url.QueryEscape(base+"/embed/bell/"):       400,
			"/oembed": 400,
		} {
			if resp, body := get(t, "GET", base+target, nil); resp.StatusCode != want {
				t.Errorf("GET %s: %d %q; want %d", target, resp.StatusCode, body, want)
			}
		}
	})

	t.Run("language", func(t *testing.T) {
		resp, _ := get(t, "GET", base+"/", map[string]string{"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})
		if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/vi/" || !strings.Contains(strings.Join(resp.Header.Values("Vary"), ","), "Accept-Language") {
			t.Errorf("Vietnamese visitor: %d to %q, Vary %q; want 302 to /vi/ varying on Accept-Language", resp.StatusCode, resp.Header.Get("Location"), resp.Header.Values("Vary"))
		}
		home, err := os.ReadFile(filepath.Join(site, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, hdr := range []map[string]string{
			{"Accept-Language": "en-GB,en;q=0.9,vi;q=0.8"},
			{"Accept-Language": "vi", "Sec-Fetch-Site": "same-origin"},
			{},
		} {
			resp, body := get(t, "GET", base+"/", hdr)
			if resp.StatusCode != 200 || !bytes.Equal(body, home) {
				t.Errorf("%v: %d, %d bytes; want the English home page", hdr, resp.StatusCode, len(body))
			}
			if resp.Header.Get("Content-Security-Policy") != serve.PageCSP || resp.Header.Get("X-Frame-Options") != "DENY" {
				t.Errorf("%v: home page headers %v", hdr, resp.Header)
			}
		}
	})

	t.Run("headers", func(t *testing.T) {
		// Every file gets at the edge what the Go server gives it.
		local := serve.Handler(os.DirFS(filepath.Join(dir, "public")))
		err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() == "_headers" || strings.HasPrefix(p, filepath.Join(site, "vi")) {
				return err
			}
			rel, _ := filepath.Rel(site, p)
			urlPath := "/" + filepath.ToSlash(rel)
			urlPath = strings.TrimSuffix(urlPath, "index.html")
			resp, body := get(t, "GET", base+urlPath, nil)
			if loc := resp.Header.Get("Location"); resp.StatusCode == http.StatusTemporaryRedirect && loc == strings.TrimSuffix(urlPath, ".html") {
				// The edge serves NAME.html at NAME.
				resp, body = get(t, "GET", base+loc, nil)
			}
			want, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if resp.StatusCode != 200 || !bytes.Equal(body, want) {
				t.Errorf("GET %s: %d with %d bytes; want 200 and the file's %d", urlPath, resp.StatusCode, len(body), len(want))
			}
			r := httptest.NewRequest("GET", urlPath, nil)
			w := httptest.NewRecorder()
			local.ServeHTTP(w, r)
			for _, k := range []string{"Content-Type", "Cache-Control", "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"} {
				if got, want := resp.Header.Get(k), w.Header().Get(k); got != want {
					t.Errorf("GET %s: %s at the edge %q, from the Go server %q", urlPath, k, got, want)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("not found and refusals", func(t *testing.T) {
		page404, err := os.ReadFile(filepath.Join(site, "404.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/no/such/page", "/index.html.br", "/assets/does-not-exist.js", "/_headers", "/wrangler.jsonc", "/app.wasm", "/assets/..%2f..%2f..%2fwrangler.jsonc", "/%2e%2e/wrangler.jsonc"} {
			nav := map[string]string{"Accept": "text/html", "Sec-Fetch-Mode": "navigate"}
			resp, body := get(t, "GET", base+p, nav)
			if loc := resp.Header.Get("Location"); resp.StatusCode/100 == 3 && strings.HasPrefix(loc, "/") && !strings.HasPrefix(loc, "//") {
				// The edge may first normalise an odd path, within the site.
				resp, body = get(t, "GET", base+loc, nav)
			}
			if resp.StatusCode != 404 || !bytes.Equal(body, page404) {
				t.Errorf("GET %s: %d %.80q; want 404 with the 404 page", p, resp.StatusCode, body)
			}
		}
		// 404 answers get the rules of the path asked for, except caching.
		for p, csp := range map[string]string{"/embed/nosuch/": serve.EmbedCSP, "/assets/gone.0123456789.js": serve.PageCSP} {
			resp, _ := get(t, "GET", base+p, map[string]string{"Sec-Fetch-Mode": "navigate"})
			if resp.StatusCode != 404 || resp.Header.Get("Content-Security-Policy") != csp || resp.Header.Get("Cache-Control") != serve.CacheRevalidate {
				t.Errorf("GET %s: %d, CSP %q, Cache-Control %q; want 404 with CSP %q and %q", p, resp.StatusCode,
					resp.Header.Get("Content-Security-Policy"), resp.Header.Get("Cache-Control"), csp, serve.CacheRevalidate)
			}
		}
		resp, _ := get(t, "GET", base+"/embed/bell?seed=7", nil)
		if loc := resp.Header.Get("Location"); resp.StatusCode/100 != 3 || loc != "/embed/bell/?seed=7" {
			t.Errorf("GET /embed/bell: %d to %q; want a redirect to /embed/bell/?seed=7", resp.StatusCode, loc)
		}
		for _, p := range []string{"/", "/case-studies/"} {
			if resp, _ := get(t, "POST", base+p, nil); resp.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("POST %s: %d; want 405", p, resp.StatusCode)
			}
		}
		if resp, _ := get(t, "GET", base+"/", nil); resp.StatusCode != 200 {
			t.Errorf("the Worker stopped serving: GET / %d", resp.StatusCode)
		}
	})
}
