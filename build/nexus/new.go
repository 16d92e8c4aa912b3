package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"nexuslab/site"
)

// runNew scaffolds content: nexus new case-study "Title".
func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "case-study" {
		fmt.Fprint(stderr, "usage: nexus new case-study [--sector S] [--technology T] [--level L] \"Title\"\n")
		return 2
	}
	flags := flag.NewFlagSet("nexus new case-study", flag.ContinueOnError)
	flags.SetOutput(stderr)
	content := flags.String("content", "content", "content folder")
	sector := flags.String("sector", "", "sector (default public-services)")
	tech := flags.String("technology", "", "technology (default quantum)")
	level := flags.String("level", "", "level (default intro)")
	date := flags.String("date", "", "publication date, YYYY-MM-DD (default today)")
	if err := flags.Parse(args[1:]); err != nil {
		return 2
	}
	title := strings.TrimSpace(strings.Join(flags.Args(), " "))
	if title == "" {
		fmt.Fprintln(stderr, "nexus new case-study: give the title, such as \"Flood forecasts for rice farmers\"")
		return 2
	}
	day := time.Now()
	if *date != "" {
		var err error
		if day, err = time.Parse(time.DateOnly, *date); err != nil {
			fmt.Fprintf(stderr, "nexus new case-study: --date %q must be written YYYY-MM-DD\n", *date)
			return 2
		}
	}
	sc := site.Scaffold{Title: title, Date: day, Sector: *sector, Technology: *tech, Level: *level}
	src, err := sc.Markdown()
	if err != nil {
		fmt.Fprintln(stderr, "nexus new case-study:", err)
		return 2
	}
	rel := "case-studies/" + sc.Slug() + ".md"
	if probs := site.CheckCaseStudy(rel, src); len(probs) > 0 {
		// The scaffold is built to be valid; a problem here is a bug.
		fmt.Fprintln(stderr, "nexus new case-study: the scaffold is not valid:", probs)
		return 1
	}
	path := filepath.Join(*content, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintln(stderr, "nexus:", err)
		return 1
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "nexus new case-study: %s already exists\n", path)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "nexus:", err)
		return 1
	}
	if _, err := f.Write(src); err != nil {
		f.Close()
		fmt.Fprintln(stderr, "nexus:", err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(stderr, "nexus:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return 0
}
