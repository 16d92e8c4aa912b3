package browser

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"

	"nexuslab/build/internal/pipeline"
	"nexuslab/site"
)

// Serve serves a built site on a free loopback port: the one in built
// when it is not empty, else one built from the repository at root into
// a temporary folder. It returns the base URL, the folder served and a
// function that stops the server and removes what Serve built.
func Serve(root, built string) (url, dir string, stop func(), err error) {
	var cleanup func()
	dir = built
	if dir == "" {
		tmp, err := os.MkdirTemp("", "nexus-site-")
		if err != nil {
			return "", "", nil, err
		}
		cleanup = func() { os.RemoveAll(tmp) }
		dir = filepath.Join(tmp, "public")
		if err := pipeline.Build(pipeline.Options{Root: root, Out: dir}); err != nil {
			cleanup()
			return "", "", nil, fmt.Errorf("build the site: %w", err)
		}
	}
	srv := httptest.NewServer(site.Handler(os.DirFS(dir)))
	return srv.URL, dir, func() {
		srv.Close()
		if cleanup != nil {
			cleanup()
		}
	}, nil
}

// Options returns the allocator options that run the Chromium at exe
// headless on this kind of machine, with a fresh profile and a window of
// w×h CSS pixels: no sandbox (tests run as root), no background
// networking (the machine reaches no other network), and software
// WebGL so that ebiten's canvas renders without a GPU.
func Options(exe, profile string, w, h int) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(w, h),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("use-angle", "swiftshader"),
	}
}
