package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

var localAssetRe = regexp.MustCompile(`<(?:link rel="stylesheet"|script)[^>]*\s(?:href|src)="(/assets/[^"]+\.(?:css|js))"`)

// PageWeight returns the bytes a browser transfers for one built page
// with brotli: the HTML and the stylesheets and scripts it loads, not
// counting the simulation program, which loads only on request. site is
// the build output and page a path inside it.
func PageWeight(site, page string) (int64, error) {
	size := func(p string) (int64, error) {
		full := filepath.Join(site, filepath.FromSlash(strings.TrimPrefix(p, "/")))
		if st, err := os.Stat(full + ".br"); err == nil {
			return st.Size(), nil
		}
		st, err := os.Stat(full)
		if err != nil {
			return 0, fmt.Errorf("site: page weight: %w", err)
		}
		return st.Size(), nil
	}
	html, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(page)))
	if err != nil {
		return 0, fmt.Errorf("site: page weight: %w", err)
	}
	total, err := size(page)
	if err != nil {
		return 0, err
	}
	for _, m := range localAssetRe.FindAllStringSubmatch(string(html), -1) {
		n, err := size(m[1])
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
