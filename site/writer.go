package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// treeWriter writes the files of a build into a new folder while the
// build goes on, on goroutines of its own: creating thousands of small
// files and folders keeps the file system busy about as long as
// rendering keeps the CPUs busy, so the two overlap. Each folder is made
// once, parents first.
type treeWriter struct {
	root string
	c    *compressor // nil: no .br and .gz twins
	jobs chan func() error
	wg   sync.WaitGroup

	dirMu sync.Mutex
	dirs  map[string]bool // site paths of the folders made

	mu  sync.Mutex
	err error // the first failure
}

// newTreeWriter creates a temporary folder beside out and starts
// writing into it. c compresses each text file beside it; nil writes
// no twins. The caller must call wait.
func newTreeWriter(out string, c *compressor) (*treeWriter, error) {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	root, err := os.MkdirTemp(parent, ".build-")
	if err != nil {
		return nil, err
	}
	w := &treeWriter{root: root, c: c, jobs: make(chan func() error, 256), dirs: map[string]bool{".": true}}
	for range runtime.GOMAXPROCS(0) {
		w.wg.Go(w.run)
	}
	return w, nil
}

// add queues the file at site path p with content data. A nil writer
// does nothing, as when checking content without building.
func (w *treeWriter) add(p string, data []byte) {
	if w == nil {
		return
	}
	w.jobs <- func() error { return w.write(p, data) }
}

// makeDirs queues making the folders at the site paths dirs, ahead of
// the files that go into them. Files can be written without it.
func (w *treeWriter) makeDirs(dirs []string) {
	if w == nil {
		return
	}
	w.jobs <- func() error {
		for _, d := range dirs {
			if err := w.mkdir(d); err != nil {
				return err
			}
		}
		return nil
	}
}

// wait writes what is queued, stops the writer's goroutines and returns
// the first error.
func (w *treeWriter) wait() error {
	close(w.jobs)
	w.wg.Wait()
	return w.err
}

// run does queued jobs until wait is called. After a failure it only
// drains the queue.
func (w *treeWriter) run() {
	for job := range w.jobs {
		w.mu.Lock()
		failed := w.err != nil
		w.mu.Unlock()
		if failed {
			continue
		}
		if err := job(); err != nil {
			w.mu.Lock()
			if w.err == nil {
				w.err = err
			}
			w.mu.Unlock()
		}
	}
}

// write writes the file at site path p, and its compressed twins.
func (w *treeWriter) write(p string, data []byte) error {
	if err := w.mkdir(path.Dir(p)); err != nil {
		return err
	}
	dst := filepath.Join(w.root, filepath.FromSlash(p))
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return err
	}
	if w.c == nil {
		return nil
	}
	return w.c.compressFile(dst, data, strings.HasPrefix(p, "assets/"))
}

// mkdir makes the folder at site path dir and its parents, each once:
// one system call a folder, where MkdirAll per file would probe every
// parent again for each of thousands of pages.
func (w *treeWriter) mkdir(dir string) error {
	w.dirMu.Lock()
	defer w.dirMu.Unlock()
	return w.mkdirLocked(dir)
}

func (w *treeWriter) mkdirLocked(dir string) error {
	if w.dirs[dir] {
		return nil
	}
	if err := w.mkdirLocked(path.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(w.root, filepath.FromSlash(dir)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("make folder: %w", err)
	}
	w.dirs[dir] = true
	return nil
}
