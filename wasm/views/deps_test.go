package views

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBrowserProgramLinksNoGonum guards the download budget: ebiten links
// text/template, which makes the linker keep every exported method of
// every type that reaches an interface, and through gonum's matrix types
// that costs megabytes of sims.wasm. Code the browser runs uses plain
// loops; gonum stays in native commands and tests.
func TestBrowserProgramLinksNoGonum(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "nexuslab/wasm")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "gonum.org/") {
			t.Errorf("sims.wasm links %s; keep gonum out of code the browser runs", pkg)
		}
	}
}
