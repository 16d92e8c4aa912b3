//go:build classroomsite

package main

import (
	"embed"
	"fmt"
	"io/fs"
)

// files is the built site, put in place by `make offline` through a build
// overlay so that no copy of it lands in the source tree.
//
//go:embed all:public
var files embed.FS

// siteFS returns the embedded site.
func siteFS() (fs.FS, error) {
	site, err := fs.Sub(files, "public")
	if err != nil {
		return nil, fmt.Errorf("embedded site: %w", err)
	}
	return site, nil
}
