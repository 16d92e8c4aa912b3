package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/bits"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// compressible lists the extensions served precompressed.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".svg": true, ".json": true,
	".xml": true, ".txt": true, ".wasm": true, ".webmanifest": true, ".csv": true,
}

// compressor writes .br and .gz beside files.
//
// Fingerprinted assets are compressed at brotli's best setting and kept
// in a cache keyed by content: that takes tens of seconds on the wasm,
// which rarely changes between builds, and the result is cached by
// browsers for a year. Pages change with every edit and are many, so
// they get a fast setting that costs about a tenth more bytes.
type compressor struct {
	cacheDir string // empty: no cache
}

// compressFile writes path.br and path.gz beside a compressible file
// whose content is data, when they are smaller than it. best selects the
// slow, smallest setting.
func (c compressor) compressFile(path string, data []byte, best bool) error {
	if !compressible[filepath.Ext(path)] {
		return nil
	}
	for _, enc := range []string{"br", "gz"} {
		var z []byte
		var err error
		if best {
			z, err = c.compressed(data, enc)
		} else {
			z, err = compress(data, enc, false)
		}
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
}

// compressed returns data compressed at the best setting, from the cache
// when an earlier build compressed the same bytes.
func (c compressor) compressed(data []byte, enc string) ([]byte, error) {
	sum := sha256.Sum256(data)
	var cached string
	if c.cacheDir != "" {
		cached = filepath.Join(c.cacheDir, hex.EncodeToString(sum[:])+"."+enc)
		if z, err := os.ReadFile(cached); err == nil {
			return z, nil
		}
	}
	z, err := compress(data, enc, true)
	if err != nil {
		return nil, err
	}
	if cached != "" && os.MkdirAll(c.cacheDir, 0o755) == nil {
		// A failed cache write only costs time on the next build.
		_ = os.WriteFile(cached, z, 0o644)
	}
	return z, nil
}

// compress encodes data as brotli ("br") or gzip ("gz").
func compress(data []byte, enc string, best bool) ([]byte, error) {
	var b bytes.Buffer
	switch enc {
	case "br":
		// A window no larger than the data saves brotli allocating and
		// clearing 16 MiB for a small page.
		win := min(max(bits.Len(uint(len(data))), 16), 24)
		q := 6
		if best {
			q = brotli.BestCompression
		}
		w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: q, LGWin: win})
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	case "gz":
		level := gzip.DefaultCompression
		if best {
			level = gzip.BestCompression
		}
		w, err := gzip.NewWriterLevel(&b, level)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown encoding %q", enc)
	}
	return b.Bytes(), nil
}
