package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// copyContent copies the repository's content into a temporary folder.
func copyContent(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNewCaseStudyIsValid(t *testing.T) {
	dir := copyContent(t)
	var out, errb bytes.Buffer
	code := run([]string{"new", "case-study", "--content", dir, "--date", "2026-02-03", "--sector", "agriculture", "--technology", "ai", "Flood forecasts for rice farmers"}, nil, &out, &errb)
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, errb.String())
	}
	file := filepath.Join(dir, "case-studies", "flood-forecasts-for-rice-farmers.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title: "Flood forecasts for rice farmers"`, "sectors: [agriculture]", "technologies: [ai]", "date: 2026-02-03"} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("scaffold lacks %q", want)
		}
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"check", "--content", dir}, nil, &out, &errb); code != 0 {
		t.Fatalf("check after new: exit %d:\n%s", code, errb.String())
	}
	// A second scaffold with the same title must not replace the first.
	if code := run([]string{"new", "case-study", "--content", dir, "Flood forecasts for rice farmers"}, nil, &out, &errb); code != 1 {
		t.Errorf("new over an existing file: exit %d, want 1", code)
	}
	if !strings.Contains(errb.String(), "already exists") {
		t.Errorf("stderr %q does not say the file exists", errb.String())
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	dir := copyContent(t)
	for _, args := range [][]string{
		{"new"},
		{"new", "case-study", "--content", dir},
		{"new", "case-study", "--content", dir, "--sector", "fisheries", "Fish"},
		{"new", "case-study", "--content", dir, "--date", "3 May", "Fish"},
		{"new", "case-study", "--content", dir, "!!!"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, nil, &out, &errb); code != 2 || errb.Len() == 0 {
			t.Errorf("%q: exit %d, stderr %q; want 2 with a message", args, code, errb.String())
		}
	}
}

func TestCheckReportsEveryProblemAndWritesNothing(t *testing.T) {
	dir := copyContent(t)
	bad := "---\ntitle: \"Bad\"\nsummary: \"S.\"\nsectors: [fisheries]\ntechnologies: [quantum]\nlevel: intro\ndate: 2026-01-02\nlicense: CC BY 4.0\n---\n\n::sim[nothing]\n"
	if err := os.WriteFile(filepath.Join(dir, "case-studies", "bad.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(filepath.Dir(dir))
	var out, errb bytes.Buffer
	if code := run([]string{"check", "--content", dir}, nil, &out, &errb); code != 2 {
		t.Fatalf("check: exit %d, want 2", code)
	}
	file := filepath.Join(dir, "case-studies", "bad.md")
	for _, want := range []string{
		file + `:4: unknown sector "fisheries" (known: climate, agriculture, health, public-services, cities)`,
		file + `:11: unknown simulation "nothing" (known: `,
		"nexus: 2 problem(s); nothing was written",
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	after, _ := os.ReadDir(filepath.Dir(dir))
	if len(after) != len(before) {
		t.Errorf("check wrote beside the content: %v", after)
	}
}

func TestCheckRepositoryContent(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"check", "--content", "../../content"}, nil, &out, &errb); code != 0 {
		t.Fatalf("the repository's content has problems:\n%s", errb.String())
	}
}

// TestCheckReportsMissingSimTranslations removes translations from a
// copy of the content: nexus check names each, whether the key comes
// from a schema (a choice label) or from the source (a parser's error).
func TestCheckReportsMissingSimTranslations(t *testing.T) {
	dir := copyContent(t)
	file := filepath.Join(dir, "i18n", "sims", "vi.yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	removed := []string{`"Circle"`, `"unknown gate %s%s"`, `"%s; kept %s"`}
	var kept []string
	for _, line := range strings.Split(string(src), "\n") {
		if !slices.ContainsFunc(removed, func(k string) bool { return strings.HasPrefix(line, k+":") }) {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(file, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"check", "--strict", "--content", dir}, nil, &out, &errb); code != 2 {
		t.Errorf("check --strict: exit %d, want 2", code)
	}
	for _, k := range removed {
		if want := "missing translation of " + k; !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
}
