package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var swConst = regexp.MustCompile(`(?m)^const (RELEASE|SHELL|ASSETS) = (.*);$`)

// serviceWorker builds the repository's content with wasm as the
// simulation program and returns the constants /sw.js starts with.
func serviceWorker(t *testing.T, wasm string) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if err := Build(Config{Content: os.DirFS("../content"), ContentPath: "content", Out: out, Wasm: wasm, NoCompress: true}); err != nil {
		t.Fatalf("build:\n%v", err)
	}
	src, err := os.ReadFile(filepath.Join(out, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	for _, m := range swConst.FindAllStringSubmatch(string(src), -1) {
		consts[m[1]] = m[2]
	}
	if len(consts) != 3 {
		t.Fatalf("sw.js defines %v; want RELEASE, SHELL and ASSETS", consts)
	}
	if !strings.Contains(string(src), "addEventListener('fetch'") {
		t.Error("sw.js lacks the worker's code")
	}
	// Every language has its list of what is available offline.
	homes, _ := filepath.Glob(filepath.Join(out, "*", "index.html"))
	homes = append(homes, filepath.Join(out, "index.html"))
	for _, h := range homes {
		dir := filepath.Dir(h)
		if dir != out && len(filepath.Base(dir)) != 2 {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "offline", "index.html")); err != nil {
			t.Errorf("no list of pages available offline: %v", err)
		}
	}
	return consts
}

// TestServiceWorker checks that /sw.js names its release by the release's
// files, lists every fingerprinted file, and installs with the pages'
// shell but never the simulation program, which is fetched only when a
// reader runs a simulation or saves a page.
func TestServiceWorker(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.wasm"), filepath.Join(dir, "b.wasm")
	for p, data := range map[string]string{a: "\x00asm\x01\x00\x00\x00", b: "\x00asm\x01\x00\x00\x00\x00\x02\x01x"} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ca, cb := serviceWorker(t, a), serviceWorker(t, b)
	if ca["RELEASE"] == cb["RELEASE"] {
		t.Errorf("two programs, one release %s", ca["RELEASE"])
	}
	if ca["SHELL"] != cb["SHELL"] {
		t.Errorf("the shell changed with the program alone: %s, %s", ca["SHELL"], cb["SHELL"])
	}
	for _, want := range []string{`/assets/sims.`, `/assets/style.`, `/assets/site.`} {
		if !strings.Contains(ca["ASSETS"], want) {
			t.Errorf("ASSETS %s lacks %s…", ca["ASSETS"], want)
		}
	}
	for _, want := range []string{`/assets/style.`, `/assets/site.`, `"/offline/"`} {
		if !strings.Contains(ca["SHELL"], want) {
			t.Errorf("SHELL %s lacks %s", ca["SHELL"], want)
		}
	}
	if strings.Contains(ca["SHELL"], ".wasm") {
		t.Errorf("the service worker stores the simulation program on install: %s", ca["SHELL"])
	}
}
