package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// compressible lists the extensions served precompressed.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".svg": true, ".json": true,
	".xml": true, ".txt": true, ".wasm": true, ".webmanifest": true, ".csv": true,
}

// compressor writes .br and .gz beside files, reusing earlier results
// from a cache keyed by content: brotli at its best setting takes tens of
// seconds on the wasm, which rarely changes between builds.
type compressor struct {
	cacheDir string // empty: no cache
}

// compressTree writes NAME.br and NAME.gz beside every compressible file
// under dir, when they are smaller than the file.
func (c compressor) compressTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[filepath.Ext(path)] {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, enc := range []string{"br", "gz"} {
			z, err := c.compressed(data, enc)
			if err != nil {
				return fmt.Errorf("compress %s: %w", path, err)
			}
			if len(z) < len(data) {
				if err := os.WriteFile(path+"."+enc, z, 0o644); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func (c compressor) compressed(data []byte, enc string) ([]byte, error) {
	sum := sha256.Sum256(data)
	var cached string
	if c.cacheDir != "" && len(data) > 64<<10 {
		cached = filepath.Join(c.cacheDir, hex.EncodeToString(sum[:])+"."+enc)
		if z, err := os.ReadFile(cached); err == nil {
			return z, nil
		}
	}
	var b bytes.Buffer
	switch enc {
	case "br":
		w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	case "gz":
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	}
	if cached != "" && os.MkdirAll(c.cacheDir, 0o755) == nil {
		// A failed cache write only costs time on the next build.
		_ = os.WriteFile(cached, b.Bytes(), 0o644)
	}
	return b.Bytes(), nil
}
