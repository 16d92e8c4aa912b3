package views

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBrowserProgramLinksNoHeavyPackages guards the download budget.
// Ebiten links text/template, which makes the linker keep every exported
// method of every type that reaches an interface, and through gonum's
// matrix types that costs megabytes of sims.wasm: code the browser runs
// uses plain loops, and gonum stays in native commands and tests. The
// build-time SVG back end embeds PNGs; image/png registers its decoder
// when imported, so it stays out of the browser too.
func TestBrowserProgramLinksNoHeavyPackages(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "nexuslab/wasm")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "gonum.org/") || pkg == "image/png" || pkg == "nexuslab/wasm/draw/svgdraw" {
			t.Errorf("sims.wasm links %s; keep it out of code the browser runs", pkg)
		}
	}
}
