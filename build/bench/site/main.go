// Command site times the site generator against Hugo on the same 1,000
// generated case studies, and reports the compressed weight of the home
// page and a case-study page of the real site. build/bench/site/run.sh
// runs it from the repository root.
package main

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"nexuslab/site"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "site bench:", err)
		os.Exit(1)
	}
}

func run() error {
	n := flag.Int("n", 1000, "case studies to generate")
	rounds := flag.Int("rounds", 3, "builds of each generator; the fastest counts")
	hugo := flag.String("hugo", "hugo", "the hugo command")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the generator's builds to this file")
	flag.Parse()

	tmp, err := os.MkdirTemp("", "nexus-site-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	content := filepath.Join(tmp, "content")
	if err := generate(content, *n); err != nil {
		return err
	}
	hugoDir := filepath.Join(tmp, "hugo")
	if err := hugoProject(hugoDir, content); err != nil {
		return err
	}

	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		for range *rounds {
			if _, err := timeBuild(content, filepath.Join(tmp, "out"), true); err != nil {
				return err
			}
		}
		pprof.StopCPUProfile()
		return f.Close()
	}
	const never = time.Duration(1 << 62)
	ours, oursCPU, oursFull, hugoBest, hugoCPU := never, never, never, never, never
	for range *rounds {
		cpu0 := cpuTime()
		d, err := timeBuild(content, filepath.Join(tmp, "out"), true)
		if err != nil {
			return err
		}
		ours, oursCPU = min(ours, d), min(oursCPU, cpuTime()-cpu0)
		d, err = timeBuild(content, filepath.Join(tmp, "out"), false)
		if err != nil {
			return err
		}
		oursFull = min(oursFull, d)
		h, hc, err := timeHugo(*hugo, hugoDir, filepath.Join(tmp, "hugo-out"))
		if err != nil {
			return err
		}
		hugoBest, hugoCPU = min(hugoBest, h), min(hugoCPU, hc)
	}
	pages, _ := countHTML(filepath.Join(tmp, "out"))
	hugoPages, _ := countHTML(filepath.Join(tmp, "hugo-out"))
	fmt.Printf("site build of %d generated case studies (best of %d):\n", *n, *rounds)
	fmt.Printf("                                  wall time   CPU time\n")
	fmt.Printf("  nexus, Markdown to HTML       %8.0f ms %8.0f ms  (%d HTML pages)\n", ms(ours), ms(oursCPU), pages)
	fmt.Printf("  hugo %-24s %8.0f ms %8.0f ms  (%d HTML pages, minimal layout)\n", hugoVersion(*hugo), ms(hugoBest), ms(hugoCPU), hugoPages)
	fmt.Printf("  ratio hugo / nexus            %8.2f×  %8.2f×    (target: > 1, faster than Hugo)\n", float64(hugoBest)/float64(ours), float64(hugoCPU)/float64(oursCPU))
	fmt.Printf("  nexus with .br and .gz twins  %8.0f ms\n", ms(oursFull))
	fmt.Printf("  (load average when done: %s; wall times vary with other work on the machine, CPU times less)\n", loadAvg())

	real := filepath.Join(tmp, "real")
	if err := site.Build(site.Config{Content: os.DirFS("content"), ContentPath: "content", Out: real}); err != nil {
		return fmt.Errorf("build the repository's content: %w", err)
	}
	study, err := firstStudy(real)
	if err != nil {
		return err
	}
	fmt.Println("page weight of the real site, HTML+CSS+JS with brotli, without the simulation:")
	for _, p := range []string{"index.html", study} {
		w, err := site.PageWeight(real, p)
		if err != nil {
			return err
		}
		fmt.Printf("  %-60s %6.1f KB  (budget for a case study: 60 KB)\n", "/"+strings.TrimSuffix(p, "index.html"), float64(w)/1024)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// timeBuild times one build of the generated content.
func timeBuild(content, out string, renderOnly bool) (time.Duration, error) {
	start := time.Now()
	err := site.Build(site.Config{Content: os.DirFS(content), Out: out, NoCompress: renderOnly})
	d := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("nexus build: %w", err)
	}
	return d, nil
}

var hugoTotal = regexp.MustCompile(`Total in (\d+) ms`)

// timeHugo runs hugo and returns the time it reports for the build, which
// leaves out the start of the process as timeBuild does, and the CPU time
// of the whole process.
func timeHugo(hugo, dir, out string) (time.Duration, time.Duration, error) {
	os.RemoveAll(out)
	cmd := exec.Command(hugo, "--source", dir, "--destination", out, "--cleanDestinationDir")
	b, err := cmd.CombinedOutput()
	if err != nil {
		return 0, 0, fmt.Errorf("hugo: %w\n%s", err, b)
	}
	m := hugoTotal.FindSubmatch(b)
	if m == nil {
		return 0, 0, fmt.Errorf("hugo printed no total time:\n%s", b)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return time.Duration(n) * time.Millisecond, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), nil
}

// cpuTime returns the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func hugoVersion(hugo string) string {
	b, err := exec.Command(hugo, "version").Output()
	if err != nil {
		return ""
	}
	if m := regexp.MustCompile(`v\d+\.\d+\.\d+`).Find(b); m != nil {
		return string(m)
	}
	return ""
}

func countHTML(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return err
	})
	return n, err
}

func firstStudy(out string) (string, error) {
	entries, err := os.ReadDir(filepath.Join(out, "case-studies"))
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if e.IsDir() {
			return "case-studies/" + e.Name() + "/index.html", nil
		}
	}
	return "", errors.New("the real site has no case study")
}

// generate writes n case studies, the English catalogue and the
// glossary of the repository into dir.
func generate(dir string, n int) error {
	for _, f := range []string{"i18n/en.yaml", "glossary.yaml"} {
		data, err := os.ReadFile(filepath.Join("content", f))
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "case-studies"), 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(list []string, k int) []string {
		out := slices.Clone(list)
		r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		return out[:k]
	}
	sectors := []string{"climate", "agriculture", "health", "public-services", "cities"}
	regions := []string{"Global", "Southeast Asia", "Viet Nam", "Indonesia", "Thailand", "Philippines", "Cambodia"}
	levels := []string{"intro", "intermediate", "advanced"}
	for i := range n {
		var sdgs []string
		for _, s := range pick([]string{"2", "3", "6", "7", "9", "11", "13", "16"}, 1+r.IntN(3)) {
			sdgs = append(sdgs, s)
		}
		tech := []string{"quantum", "ai"}[r.IntN(2)]
		other := (i + 1) % n
		body := fmt.Sprintf(`---
title: "Generated case study %d on %s"
summary: "A generated summary of case study %d, one paragraph long, for the build benchmark. It names a sector, a technology and a region so that filters have work to do."
sectors: [%s]
sdgs: [%s]
technologies: [%s]
regions: [%s]
level: %s
date: 2026-%02d-%02d
license: CC BY 4.0
references:
  - title: "A public source"
    url: https://example.org/source/%d
    publisher: "Example publisher"
    year: 2024
---

## Why this matters

Public services run on data, and case study %d looks at how a qubit or a
neural network could help. This paragraph has *emphasis*, **strong text**,
a [link to another study](/case-studies/generated-%d/) and a footnote.[^1]

## What the simulation shows

::sim[bell]{shots=%d seed=%d}

The probability of each outcome is $p = |\alpha|^2$, and over many shots
the counts approach it:

$$
P(00) = P(11) = \frac{1}{2}
$$

| outcome | probability |
|:--------|------------:|
| 00 | 0.5 |
| 11 | 0.5 |

> [!NOTE]
> A generated note with a [glossary link](/glossary/#qubit).

## Try this

1. Change the number of shots and measure again.
2. Compare the counts with the probabilities above.
3. Explain why 01 and 10 never appear.

## Governance: questions to ask

- Who owns the data, and who may see it?
- What happens when the system is wrong?
- Who is accountable for the decision?

[^1]: Footnotes carry sources in the text.
`, i, sectors[i%len(sectors)], i, strings.Join(pick(sectors, 1+r.IntN(2)), ", "), strings.Join(sdgs, ", "), tech,
			strings.Join(pick(regions, 1+r.IntN(2)), ", "), levels[r.IntN(3)], 1+i%12, 1+i%28, i, i, other, 10+r.IntN(1000), r.IntN(100))
		if err := os.WriteFile(filepath.Join(dir, "case-studies", fmt.Sprintf("generated-%d.md", i)), []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hugoProject writes a Hugo site over the same Markdown: a minimal
// layout, and the same taxonomies.
func hugoProject(dir, content string) error {
	files := map[string]string{
		"hugo.toml": `baseURL = "http://localhost:8080/"
languageCode = "en"
title = "Nexus Lab"
disableKinds = ["RSS"]
[taxonomies]
sector = "sectors"
sdg = "sdgs"
technology = "technologies"
region = "regions"
`,
		"layouts/_default/baseof.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</article>{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}`,
		"layouts/index.html":           `{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 6 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return os.CopyFS(filepath.Join(dir, "content", "case-studies"), os.DirFS(filepath.Join(content, "case-studies")))
}
