package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"nexuslab/build/worker/internal/bundle"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bundle", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("site", "public", "the built site")
	out := fs.String("out", "build/worker/build", "output folder, replaced whole")
	if err := fs.Parse(args); err != nil {
		return err
	}
	res, err := bundle.Bundle(bundle.Options{Site: *site, Out: *out})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "worker: %s: app.wasm %.2f MB, code %.2f MB gzip (limits: %.0f MB free plan, %.0f MB paid)\n",
		*out, mb(res.WasmBytes), mb(res.Gzipped), mb(bundle.FreeLimit), mb(bundle.PaidLimit))
	fmt.Fprintf(stdout, "worker: %d static assets, %d _headers rules\n", res.Assets, res.Rules)
	if res.Gzipped > bundle.FreeLimit {
		fmt.Fprintln(stdout, "worker: over the free plan's limit: deploying needs a paid plan")
	}
	return nil
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }
