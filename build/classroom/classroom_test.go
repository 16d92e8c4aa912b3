package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"nexuslab/build/classroom/internal/pack"
	"nexuslab/build/internal/pipeline"
)

// builtDir is the folder built made, removed when the tests end.
var builtDir = make(chan string, 1)

// built builds the site and the classroom binary for this machine once
// for the whole test binary.
var built = sync.OnceValues(func() (dir string, err error) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
	if dir, err = os.MkdirTemp("", "nexus-classroom-"); err != nil {
		return "", err
	}
	builtDir <- dir
	site := filepath.Join(dir, "public")
	if err := pipeline.Build(pipeline.Options{Root: root, Out: site}); err != nil {
		return dir, err
	}
	_, err = pack.Build(pack.Options{Root: root, Site: site, Out: filepath.Join(dir, "bin"),
		Targets: []pack.Target{{GOOS: runtime.GOOS, GOARCH: runtime.GOARCH}}})
	return dir, err
})

func TestMain(m *testing.M) {
	code := m.Run()
	select {
	case dir := <-builtDir:
		os.RemoveAll(dir)
	default:
	}
	os.Exit(code)
}

var urlLine = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

func TestClassroomBinaryServesTheSite(t *testing.T) {
	dir, err := built()
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "public")
	exe := filepath.Join(dir, "bin", pack.Target{GOOS: runtime.GOOS, GOARCH: runtime.GOARCH}.Name())
	cmd := exec.Command(exe, "-addr", "127.0.0.1:0")
	// The site must come from the binary alone: run it from an empty
	// folder, with no network configuration to lean on.
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=/nonexistent", "HTTP_PROXY=http://127.0.0.1:1", "HTTPS_PROXY=http://127.0.0.1:1"}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	var out bytes.Buffer
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			out.WriteString(sc.Text() + "\n")
			if u := urlLine.FindString(sc.Text()); u != "" {
				select {
				case found <- u:
				default:
				}
			}
		}
		exited <- cmd.Wait()
	}()
	var base string
	select {
	case base = <-found:
	case err := <-exited:
		t.Fatalf("the binary exited before serving: %v\n%s", err, stderr.String())
	case <-time.After(time.Minute):
		_ = cmd.Process.Kill()
		t.Fatalf("the binary printed no address within a minute\n%s", stderr.String())
	}
	defer func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	}()

	get := func(path, enc string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", base+strings.TrimPrefix(path, "/"), nil)
		req.Header.Set("Accept-Encoding", enc)
		resp, err := (&http.Client{Timeout: time.Minute}).Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return resp, body
	}
	file := func(name string) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for page, name := range map[string]string{"/": "index.html", "/embed/bell/": "embed/bell/index.html"} {
		if resp, body := get(page, "identity"); resp.StatusCode != 200 || !bytes.Equal(body, file(name)) {
			t.Errorf("GET %s: %d, %d bytes; want the site's %s", page, resp.StatusCode, len(body), name)
		}
	}
	studies, err := filepath.Glob(filepath.Join(site, "case-studies", "*", "index.html"))
	if err != nil || len(studies) == 0 {
		t.Fatalf("no case study in the built site: %v", err)
	}
	rel, _ := filepath.Rel(site, studies[0])
	page := "/" + filepath.ToSlash(filepath.Dir(rel)) + "/"
	if resp, body := get(page, "br"); resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "br" || !bytes.Equal(body, file(filepath.ToSlash(rel)+".br")) {
		t.Errorf("GET %s with br: %d %q, %d bytes; want the precompressed page", page, resp.StatusCode, resp.Header.Get("Content-Encoding"), len(body))
	}
	wasms, err := filepath.Glob(filepath.Join(site, "assets", "sims.*.wasm"))
	if err != nil || len(wasms) != 1 {
		t.Fatalf("want one sims.*.wasm in the built site, found %v", wasms)
	}
	wasm := "/assets/" + filepath.Base(wasms[0])
	resp, body := get(wasm, "br, gzip")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/wasm" || resp.Header.Get("Content-Encoding") != "br" ||
		!bytes.Equal(body, file(wasm+".br")) || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("GET %s with br: %d %v, %d bytes; want the br form, application/wasm, immutable", wasm, resp.StatusCode, resp.Header, len(body))
	}
	if resp, body := get(wasm, "identity"); resp.StatusCode != 200 || !bytes.Equal(body, file(wasm)) {
		t.Errorf("GET %s: %d, %d bytes; want the %d-byte program", wasm, resp.StatusCode, len(body), len(file(wasm)))
	}
	if resp, body := get("/no/such/page", "identity"); resp.StatusCode != 404 || !bytes.Equal(body, file("404.html")) {
		t.Errorf("GET /no/such/page: %d; want 404 with the 404 page", resp.StatusCode)
	}

	// Ctrl+C stops it cleanly.
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit after Ctrl+C: %v\n%s", err, stderr.String())
		}
	case <-time.After(time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("still running a minute after Ctrl+C")
	}
	if !strings.Contains(out.String(), "No internet is needed") || !strings.Contains(out.String(), "Stopped.") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestRunWithoutSite(t *testing.T) {
	// This test binary is built without the classroomsite tag.
	var out, errs bytes.Buffer
	err := run(t.Context(), nil, &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "make offline") {
		t.Errorf("run without an embedded site: %v; want an error naming make offline", err)
	}
	if err := run(t.Context(), []string{"extra"}, &out, &errs); err == nil {
		t.Error("run accepted a stray argument")
	}
}

func TestLanURLs(t *testing.T) {
	addrs := []netip.Addr{
		netip.MustParseAddr("127.0.0.1"),
		netip.MustParseAddr("172.17.0.1"),
		netip.MustParseAddr("fe80::1"),
		netip.MustParseAddr("2001:db8::5"),
		netip.MustParseAddr("169.254.3.4"),
		netip.MustParseAddr("203.0.113.9"),
		netip.MustParseAddr("10.1.2.3"),
		netip.MustParseAddr("::ffff:192.168.1.23"),
		netip.MustParseAddr("192.168.1.23"),
	}
	got := strings.Join(lanURLs(addrs, 8080), " ")
	want := "http://192.168.1.23:8080/ http://10.1.2.3:8080/ http://172.17.0.1:8080/ http://203.0.113.9:8080/"
	if got != want {
		t.Errorf("lanURLs = %s; want %s", got, want)
	}
	if got := lanURLs(nil, 8080); len(got) != 0 {
		t.Errorf("lanURLs(nil) = %v", got)
	}
}

func TestQR(t *testing.T) {
	var b bytes.Buffer
	if err := writeQR(&b, "http://192.168.1.23:8080/", false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	code, err := encodeQR("http://192.168.1.23:8080/")
	if err != nil {
		t.Fatal(err)
	}
	// Two quiet modules each side; two module rows per line.
	if want := (code.Size + 4 + 1) / 2; len(lines) != want {
		t.Errorf("%d lines; want %d", len(lines), want)
	}
	for i, l := range lines {
		if n := len([]rune(l)); n != code.Size+4 {
			t.Errorf("line %d is %d cells; want %d", i, n, code.Size+4)
		}
	}
	// Light modules are inked. Line 1 holds module rows 0 and 1: the
	// finder pattern's dark top edge over its ring, dark at both ends and
	// light inside, after two light margin columns.
	if got := string([]rune(lines[1])[:9]); got != "██ ▄▄▄▄▄ " {
		t.Errorf("finder pattern rows %q; want %q", got, "██ ▄▄▄▄▄ ")
	}
	var c bytes.Buffer
	if err := writeQR(&c, "http://192.168.1.23:8080/", true); err != nil || !strings.HasPrefix(c.String(), "\x1b[40;97m") {
		t.Errorf("with colour: %q, %v", c.String()[:min(20, c.Len())], err)
	}
	if code.Size > 29 {
		t.Errorf("a short address needs a %d-module code; capitals should keep it small", code.Size)
	}
}
