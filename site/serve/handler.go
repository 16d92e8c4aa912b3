package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// stallTimeout is how long a response may wait on a client that reads
// nothing before the connection is dropped. It bounds stuck clients
// without cutting off a learner on a slow link, who keeps making progress.
const stallTimeout = time.Minute

// Handler returns an http.Handler that serves the built site in root, as
// the package documentation describes.
func Handler(root fs.FS) http.Handler {
	return &handler{root: root, tags: map[string]etag{}}
}

type handler struct {
	root fs.FS

	mu   sync.Mutex
	tags map[string]etag // by file name: hashing a file happens once
}

// etag is the validator of one file, remembered with the size and time
// it was computed for so that a file rewritten in place gets a new one.
type etag struct {
	size  int64
	mod   time.Time
	value string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w = stallGuard(w)
	hdr := w.Header()
	uri := r.RequestURI
	if uri == "" {
		uri = r.URL.RequestURI()
	}
	if len(uri) > MaxURI {
		fail(w, "/", http.StatusRequestURITooLong)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		fail(w, "/", http.StatusMethodNotAllowed)
		return
	}
	name, dir, ok := cleanPath(r.URL.Path)
	if !ok {
		fail(w, "/", http.StatusBadRequest)
		return
	}
	file := name
	if dir {
		file = path.Join(name, "index.html")
	}
	st, err := fs.Stat(h.root, file)
	switch {
	case err == nil && !st.IsDir():
		h.serveFile(w, r, file, st)
		return
	case err == nil && !dir && h.isFile(path.Join(name, "index.html")):
		// A directory named without its slash: relative links in its
		// index only work from the slashed URL.
		target := "/" + name + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		copyHeaders(hdr, Headers("/"+name+"/"))
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	h.notFound(w, r)
}

// cleanPath turns a URL path into a file name inside the root, and says
// whether the path named a directory (ended in "/"). It refuses rather
// than resolves anything unusual: control bytes, backslashes, empty
// segments and "." or ".." segments.
func cleanPath(p string) (name string, dir bool, ok bool) {
	if !strings.HasPrefix(p, "/") {
		return "", false, false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return "", false, false
		}
	}
	dir = strings.HasSuffix(p, "/")
	name = strings.TrimSuffix(p[1:], "/")
	if name == "" {
		return ".", true, true
	}
	if !fs.ValidPath(name) {
		return "", false, false
	}
	return name, dir, true
}

// isFile reports whether name exists and is a regular file.
func (h *handler) isFile(name string) bool {
	st, err := fs.Stat(h.root, name)
	return err == nil && !st.IsDir()
}

// serveFile sends file, or its best precompressed twin, with the site's
// headers, honouring conditional and Range requests.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, file string, st fs.FileInfo) {
	if isTwin(file) && h.isFile(file[:len(file)-len(path.Ext(file))]) {
		// Twins are another form of their file, not files of their own.
		h.notFound(w, r)
		return
	}
	hdr := w.Header()
	copyHeaders(hdr, Headers("/"+file))
	hdr.Set("Content-Type", ContentType(file))
	served, st, enc := h.pick(hdr, r, file, st)
	tag, err := h.etag(served, st)
	if err != nil {
		fail(w, "/"+file, http.StatusInternalServerError)
		return
	}
	f, err := h.root.Open(served)
	if err != nil {
		fail(w, "/"+file, http.StatusInternalServerError)
		return
	}
	defer f.Close()
	content, err := seeker(f)
	if err != nil {
		fail(w, "/"+file, http.StatusInternalServerError)
		return
	}
	if enc != "" {
		hdr.Set("Content-Encoding", enc)
	}
	hdr.Set("ETag", tag)
	// No Last-Modified: file times change with every build and the ETag
	// already validates exactly.
	http.ServeContent(w, r, "", time.Time{}, content)
}

// pick chooses the form of file to send, sets Vary when there is a
// choice, and returns the name, info and Content-Encoding of that form.
func (h *handler) pick(hdr http.Header, r *http.Request, file string, st fs.FileInfo) (string, fs.FileInfo, string) {
	var have [2]bool
	var infos [2]fs.FileInfo
	for i, c := range codings {
		if zst, err := fs.Stat(h.root, file+c.suffix); err == nil && !zst.IsDir() {
			have[i], infos[i] = true, zst
		}
	}
	if !have[0] && !have[1] {
		return file, st, ""
	}
	hdr.Add("Vary", "Accept-Encoding")
	i := choose(r.Header.Get("Accept-Encoding"), have)
	if i < 0 {
		return file, st, ""
	}
	return file + codings[i].suffix, infos[i], codings[i].token
}

// isTwin reports whether name is spelled like a precompressed twin.
func isTwin(name string) bool {
	ext := path.Ext(name)
	return ext == ".br" || ext == ".gz"
}

// etag returns the strong validator of name: a hash of its bytes,
// computed once per version of the file.
func (h *handler) etag(name string, st fs.FileInfo) (string, error) {
	h.mu.Lock()
	e, ok := h.tags[name]
	h.mu.Unlock()
	if ok && e.size == st.Size() && e.mod.Equal(st.ModTime()) {
		return e.value, nil
	}
	f, err := h.root.Open(name)
	if err != nil {
		return "", fmt.Errorf("serve: hash %s: %w", name, err)
	}
	defer f.Close()
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		return "", fmt.Errorf("serve: hash %s: %w", name, err)
	}
	// 128 bits of the hash are plenty to tell versions of one file apart.
	e = etag{size: st.Size(), mod: st.ModTime(), value: `"` + hex.EncodeToString(sum.Sum(nil)[:16]) + `"`}
	h.mu.Lock()
	h.tags[name] = e
	h.mu.Unlock()
	return e.value, nil
}

// seeker returns f as an io.ReadSeeker, reading it into memory only when
// the file system's files cannot seek.
func seeker(f fs.File) (io.ReadSeeker, error) {
	if rs, ok := f.(io.ReadSeeker); ok {
		return rs, nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("serve: read: %w", err)
	}
	return bytes.NewReader(data), nil
}

// notFound sends the site's 404 page with status 404, in the best form
// the client accepts. It is never a conditional or partial response.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	page := "404.html"
	// A missing page under a language's folder, such as /vi/…, gets that
	// language's 404 page when the site has one.
	if lang, _, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/"); ok && lang != "" && fs.ValidPath(lang) && h.isFile(lang+"/404.html") {
		page = lang + "/404.html"
	}
	st, err := fs.Stat(h.root, page)
	if err != nil || st.IsDir() {
		fail(w, "/", http.StatusNotFound)
		return
	}
	hdr := w.Header()
	// The rules of the path asked for, so that a wrong link in an embed
	// still shows the page inside the frame, but never a year of caching.
	copyHeaders(hdr, Headers(r.URL.Path))
	hdr.Set("Cache-Control", CacheRevalidate)
	hdr.Set("Content-Type", ContentType(page))
	served, st, enc := h.pick(hdr, r, page, st)
	f, err := h.root.Open(served)
	if err != nil {
		fail(w, "/", http.StatusNotFound)
		return
	}
	defer f.Close()
	if enc != "" {
		hdr.Set("Content-Encoding", enc)
	}
	hdr.Set("Content-Length", strconv.FormatInt(st.Size(), 10))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		// The client may have gone; there is no one left to tell.
		_, _ = io.Copy(w, f)
	}
}

// fail sends a short plain-text error with the site's headers for p.
func fail(w http.ResponseWriter, p string, status int) {
	hdr := w.Header()
	copyHeaders(hdr, Headers(p))
	hdr.Set("Cache-Control", "no-store")
	http.Error(w, http.StatusText(status), status)
}

func copyHeaders(dst, src http.Header) {
	for k, v := range src {
		dst[k] = v
	}
}

// stallGuard returns w with a write deadline set now and pushed back
// before each write, so a response fails only when the client reads
// nothing for stallTimeout, however long a slow download takes. Setting it
// at the start of every request also replaces whatever deadline the
// previous request on a kept-alive connection left behind.
func stallGuard(w http.ResponseWriter) http.ResponseWriter {
	s := &stallWriter{ResponseWriter: w, rc: http.NewResponseController(w)}
	s.extend()
	return s
}

type stallWriter struct {
	http.ResponseWriter
	rc *http.ResponseController
}

func (s *stallWriter) extend() {
	// Recorders and some wrappers have no deadlines; nothing to extend.
	_ = s.rc.SetWriteDeadline(time.Now().Add(stallTimeout))
}

func (s *stallWriter) Write(p []byte) (int, error) {
	s.extend()
	return s.ResponseWriter.Write(p)
}

// stallChunk is how much ReadFrom sends between two extensions of the
// deadline.
const stallChunk = 1 << 20

// ReadFrom keeps the server's zero-copy path for files on disk, a chunk
// at a time so the deadline moves with the progress.
func (s *stallWriter) ReadFrom(src io.Reader) (int64, error) {
	rf, ok := s.ResponseWriter.(io.ReaderFrom)
	if !ok {
		return io.Copy(struct{ io.Writer }{s}, src)
	}
	var total int64
	for {
		s.extend()
		want := int64(stallChunk)
		var chunk io.Reader
		lr, limited := src.(*io.LimitedReader)
		if limited {
			// Unwrapped, so that the connection still sees the file.
			want = min(want, lr.N)
			if want <= 0 {
				return total, nil
			}
			chunk = &io.LimitedReader{R: lr.R, N: want}
		} else {
			chunk = io.LimitReader(src, want)
		}
		n, err := rf.ReadFrom(chunk)
		total += n
		if limited {
			lr.N -= n
		}
		if err != nil || n < want {
			return total, err
		}
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (s *stallWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
