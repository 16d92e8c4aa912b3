package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"nexuslab/site"
)

// Options says where the repository is and where the site goes.
type Options struct {
	Root    string // repository root, holding wasm/ and content/; "" means "."
	Out     string // output folder; "" means Root/public
	BaseURL string // see site.Config.BaseURL
	// NoWasm skips compiling the simulation program: pages then show only
	// static previews. For content checks that need no browser.
	NoWasm bool
}

// Build compiles the wasm and renders the site.
func Build(o Options) error {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Out == "" {
		o.Out = filepath.Join(o.Root, "public")
	}
	cfg := site.Config{
		Content:     os.DirFS(filepath.Join(o.Root, "content")),
		ContentPath: filepath.Join(o.Root, "content"),
		Out:         o.Out,
		BaseURL:     o.BaseURL,
		CacheDir:    cacheDir(),
	}
	if !o.NoWasm {
		tmp, err := os.MkdirTemp("", "nexus-wasm-")
		if err != nil {
			return fmt.Errorf("pipeline: %w", err)
		}
		defer os.RemoveAll(tmp)
		cfg.Wasm = filepath.Join(tmp, "sims.wasm")
		if err := CompileWasm(o.Root, cfg.Wasm); err != nil {
			return err
		}
		if cfg.WasmExec, err = WasmExec(); err != nil {
			return err
		}
	}
	return site.Build(cfg)
}

// wasmInlining turns off inlining where it buys no speed that matters:
// in the standard library, except the runtime and what the simulations'
// inner loops call, and in the views, which spend their frames in
// ebiten. Most of the library in sims.wasm serves ebiten's shader
// compiler, which runs once at start. Without the inlined copies the
// download is 9 % smaller after brotli (the raw size barely moves: call
// sites compress better than inlined bodies), most of a second on a slow
// link; start-up and frame rates stay as they were (make bench).
var wasmInlining = []string{
	"-gcflags=std=-l",
	"-gcflags=runtime=", "-gcflags=internal/...=", "-gcflags=syscall/js=",
	"-gcflags=math=", "-gcflags=math/bits=", "-gcflags=sync/...=", "-gcflags=slices=", "-gcflags=sort=",
	"-gcflags=nexuslab/wasm/views=-l",
}

// CompileWasm builds the browser program in root/wasm into out, stripped
// and without local paths.
func CompileWasm(root, out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	args := append([]string{"build", "-trimpath", "-ldflags=-s -w"}, wasmInlining...)
	cmd := exec.Command("go", append(args, "-o", abs, "./wasm")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pipeline: compile wasm: %v\n%s", err, stderr.String())
	}
	return nil
}

// WasmExec returns the path of wasm_exec.js in the Go installation that
// compiles the wasm: the two must match.
func WasmExec() (string, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("pipeline: go env GOROOT: %w", err)
	}
	p := filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("pipeline: wasm_exec.js: %w", err)
	}
	return p, nil
}

// cacheDir is where compressed assets are kept between builds, or "" when
// the system has no cache folder.
func cacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "nexuslab")
}
