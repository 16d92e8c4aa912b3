//go:build !windows

package main

import "os"

// enableColours reports whether f takes escape sequences: terminals
// outside Windows do.
func enableColours(*os.File) bool { return true }
