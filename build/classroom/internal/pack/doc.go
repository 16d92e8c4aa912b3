// Package pack compiles the classroom binary with a built site embedded,
// for every platform a school laptop may run. The site enters the build
// through a go build overlay, so the source tree is never touched.
package pack
