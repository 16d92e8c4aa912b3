package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"nexuslab/build/internal/simkeys"
	"nexuslab/site"
)

// runCheck validates content without writing anything. Problems fail
// the check (exit 2); warnings, such as pages or simulation text not yet
// translated, are printed and fail it only with -strict.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexus check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	content := fs.String("content", "content", "content folder")
	strict := fs.Bool("strict", false, "fail on warnings too, such as missing translations")
	src := fs.String("src", "", "module root whose sim/ and wasm/ sources are scanned for the simulations' message keys (default: the module holding the current folder, if any)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nexus check: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if st, err := os.Stat(*content); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "nexus check: no content folder at %s\n", *content)
		return 2
	}
	cfg := site.Config{Content: os.DirFS(*content), ContentPath: *content}
	if *src == "" {
		*src = moduleRoot()
	}
	if *src != "" {
		keys, err := simkeys.FromModule(*src)
		if err != nil {
			fmt.Fprintf(stderr, "nexus check: %v\n", err)
			return 1
		}
		cfg.SimKeys = make([]string, len(keys))
		for i, k := range keys {
			cfg.SimKeys[i] = k.Text
		}
	}
	warnings := 0
	cfg.Warn = func(p site.Problem) {
		warnings++
		fmt.Fprintf(stderr, "warning: %s\n", p)
	}
	if err := site.Check(cfg); err != nil {
		return report(stderr, err)
	}
	if warnings > 0 {
		fmt.Fprintf(stdout, "%s: no problems, %d warning(s)\n", *content, warnings)
		if *strict {
			return 2
		}
		return 0
	}
	fmt.Fprintf(stdout, "%s: no problems\n", *content)
	return 0
}

// moduleRoot returns the nearest folder at or above the current one that
// holds go.mod, or "" when there is none: content checked outside the
// source tree is checked without the simulations' source.
func moduleRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
