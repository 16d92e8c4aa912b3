package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"nexuslab/build/classroom/internal/pack"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("site", "public", "the built site to embed")
	out := fs.String("out", "dist/offline", "folder for the executables")
	if err := fs.Parse(args); err != nil {
		return err
	}
	bins, err := pack.Build(pack.Options{Site: *site, Out: *out})
	if err != nil {
		return err
	}
	for _, b := range bins {
		fmt.Fprintf(stdout, "offline: %-40s %6.1f MB\n", b.Path, float64(b.Size)/(1<<20))
	}
	return nil
}
