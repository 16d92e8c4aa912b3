package pack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
)

// Target is a platform to build for.
type Target struct{ GOOS, GOARCH string }

// Targets are the platforms make offline builds for.
var Targets = []Target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
}

// Options says what to build.
type Options struct {
	Root    string   // repository root; "" means "."
	Site    string   // the built site to embed
	Out     string   // folder for the executables
	Targets []Target // nil means Targets
}

// Binary is one executable built.
type Binary struct {
	Target
	Path string
	Size int64
}

// Name returns the file name of the executable for t.
func (t Target) Name() string {
	name := "nexus-lab-classroom-" + t.GOOS + "-" + t.GOARCH
	if t.GOOS == "windows" {
		name += ".exe"
	}
	return name
}

// Build compiles the classroom command with o.Site embedded.
func Build(o Options) ([]Binary, error) {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Targets == nil {
		o.Targets = Targets
	}
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return nil, fmt.Errorf("pack: %w", err)
	}
	site, err := filepath.Abs(o.Site)
	if err != nil {
		return nil, fmt.Errorf("pack: %w", err)
	}
	if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
		return nil, fmt.Errorf("pack: %s is not a built site: %w", o.Site, err)
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return nil, fmt.Errorf("pack: %w", err)
	}
	overlay, err := writeOverlay(site, filepath.Join(root, "build", "classroom", "public"))
	if err != nil {
		return nil, err
	}
	defer os.Remove(overlay)
	var bins []Binary
	for _, t := range o.Targets {
		out, err := filepath.Abs(filepath.Join(o.Out, t.Name()))
		if err != nil {
			return nil, fmt.Errorf("pack: %w", err)
		}
		cmd := exec.Command("go", "build", "-tags", "classroomsite", "-trimpath", "-ldflags=-s -w",
			"-overlay", overlay, "-o", out, "./build/classroom")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.GOOS, "GOARCH="+t.GOARCH)
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stderr, &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("pack: build for %s/%s: %w\n%s", t.GOOS, t.GOARCH, err, stderr.String())
		}
		st, err := os.Stat(out)
		if err != nil {
			return nil, fmt.Errorf("pack: %w", err)
		}
		bins = append(bins, Binary{Target: t, Path: out, Size: st.Size()})
	}
	return bins, nil
}

// writeOverlay writes a go build overlay that makes every file of site
// appear under dir, and returns its path.
func writeOverlay(site, dir string) (string, error) {
	replace := map[string]string{}
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(site, p)
		if err != nil {
			return err
		}
		replace[filepath.Join(dir, rel)] = p
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("pack: list the site: %w", err)
	}
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		return "", fmt.Errorf("pack: %w", err)
	}
	f, err := os.CreateTemp("", "nexus-classroom-overlay-*.json")
	if err != nil {
		return "", fmt.Errorf("pack: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", fmt.Errorf("pack: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("pack: %w", err)
	}
	return f.Name(), nil
}
