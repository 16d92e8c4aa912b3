//go:build !classroomsite

package main

import (
	"errors"
	"io/fs"
)

// siteFS reports that this build has no site in it.
func siteFS() (fs.FS, error) {
	return nil, errors.New("this program was built without the site: build it with `make offline`")
}
