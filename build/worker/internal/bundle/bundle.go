package bundle

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"nexuslab/build/worker/edge"
	"nexuslab/sim/catalog"
)

// Limits on the compressed size of a Worker, by plan.
const (
	FreeLimit = 3 << 20
	PaidLimit = 10 << 20
)

// Options says where things are.
type Options struct {
	// Root is the repository root; "" means ".".
	Root string
	// Site is the built site to deploy.
	Site string
	// Out receives the bundle: worker.mjs, runtime.mjs, wasm_exec.js,
	// app.wasm and site/. It is replaced whole.
	Out string
}

// Result describes a bundle.
type Result struct {
	WasmBytes int64 // app.wasm as compiled
	Gzipped   int64 // the Worker's code, gzip-compressed as for upload
	Assets    int   // files in site/
	Rules     int   // rules in site/_headers
}

// Bundle builds the Worker bundle described by o.
func Bundle(o Options) (*Result, error) {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Site == "" || o.Out == "" {
		return nil, fmt.Errorf("bundle: the site and the output folder must be given")
	}
	if _, err := os.Stat(filepath.Join(o.Site, "index.html")); err != nil {
		return nil, fmt.Errorf("bundle: %s is not a built site (build it with nexus build): %w", o.Site, err)
	}
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	// workers-assets-gen replaces its output folder with the runtime files.
	if err := goRun(o.Root, nil, "run", "github.com/syumai/workers/cmd/workers-assets-gen", "-mode=go", "-o", out); err != nil {
		return nil, fmt.Errorf("bundle: write the runtime files: %w", err)
	}
	var sims []edge.Sim
	for _, e := range catalog.All() {
		sims = append(sims, edge.Sim{Name: e.Name, Title: e.Title})
	}
	cat, err := edge.FormatSims(sims)
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	wasm := filepath.Join(out, "app.wasm")
	if err := goRun(o.Root, []string{"GOOS=js", "GOARCH=wasm"}, "build", "-trimpath",
		"-ldflags=-s -w -X main.catalogue="+cat, "-o", wasm, "./build/worker"); err != nil {
		return nil, fmt.Errorf("bundle: compile the Worker: %w", err)
	}
	res := &Result{}
	if res.WasmBytes, res.Gzipped, err = codeSize(out); err != nil {
		return nil, err
	}
	if res.Gzipped > PaidLimit {
		return nil, fmt.Errorf("bundle: the Worker is %d bytes compressed, over the %d-byte limit of Workers", res.Gzipped, PaidLimit)
	}
	files, err := copySite(o.Site, filepath.Join(out, "site"))
	if err != nil {
		return nil, err
	}
	res.Assets = len(files)
	headers, rules, err := HeadersFile(files)
	if err != nil {
		return nil, err
	}
	res.Rules = rules
	if err := os.WriteFile(filepath.Join(out, "site", "_headers"), headers, 0o644); err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	return res, nil
}

// goRun runs the go command in dir with extra environment.
func goRun(dir string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s: %w\n%s", args[0], err, stderr.String())
	}
	return nil
}

// codeSize returns the size of app.wasm and the gzip size of everything
// the Worker uploads as code.
func codeSize(dir string) (wasm, gzipped int64, err error) {
	var total int64
	for _, name := range []string{"app.wasm", "worker.mjs", "runtime.mjs", "wasm_exec.js"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return 0, 0, fmt.Errorf("bundle: %w", err)
		}
		if name == "app.wasm" {
			wasm = int64(len(data))
		}
		var n countWriter
		zw, _ := gzip.NewWriterLevel(&n, gzip.BestCompression)
		if _, err := zw.Write(data); err != nil {
			return 0, 0, fmt.Errorf("bundle: %w", err)
		}
		if err := zw.Close(); err != nil {
			return 0, 0, fmt.Errorf("bundle: %w", err)
		}
		total += int64(n)
	}
	return wasm, total, nil
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// copySite copies the built site into dst without the precompressed twins
// and returns the URL paths of the files copied, sorted.
func copySite(src, dst string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if ext := filepath.Ext(p); ext == ".br" || ext == ".gz" {
			if _, err := os.Stat(strings.TrimSuffix(p, ext)); err == nil {
				return nil // a twin; the edge compresses for itself
			}
		}
		if rel == "_headers" || rel == "_redirects" || rel == ".assetsignore" {
			// These names configure the assets instead of being served.
			return fmt.Errorf("the site has a file %s, which Workers would read as configuration", rel)
		}
		files = append(files, "/"+filepath.ToSlash(rel))
		return copyFile(p, target)
	})
	if err != nil {
		return nil, fmt.Errorf("bundle: copy the site: %w", err)
	}
	return files, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
