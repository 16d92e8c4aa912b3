package serve

import (
	"strconv"
	"strings"
)

// A coding is one form a file may be served in, best first.
type coding struct {
	token  string // Content-Encoding value, "" for identity
	suffix string // added to the file name
}

// codings lists the precompressed forms in order of preference when the
// client weighs them equally: brotli is the smallest.
var codings = []coding{{"br", ".br"}, {"gzip", ".gz"}}

// acceptWeights parses an Accept-Encoding header into the weight (q-value
// times 1000) the client gives br, gzip and identity. Malformed parts are
// ignored, as if absent.
func acceptWeights(header string) (br, gzip, identity int) {
	br, gzip, identity = -1, -1, -1
	star := -1
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		q, ok := qValue(params)
		if !ok {
			continue
		}
		switch name {
		case "br":
			br = q
		case "gzip", "x-gzip":
			gzip = q
		case "identity":
			identity = q
		case "*":
			star = q
		}
	}
	// A coding not named takes the weight of "*". Identity, when neither
	// named nor covered by "*", is acceptable but least wanted: a client
	// that lists only weighted compressions wants one of them.
	if br < 0 {
		br = max(star, 0)
	}
	if gzip < 0 {
		gzip = max(star, 0)
	}
	if identity < 0 {
		identity = star
		if star < 0 {
			identity = 1
		}
	}
	return br, gzip, identity
}

// qValue reads the weight from the parameters of one Accept-Encoding
// element: 1000 when there is none, false when it is malformed.
func qValue(params string) (int, bool) {
	q := 1000
	for p := range strings.SplitSeq(params, ";") {
		k, v, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || f < 0 || f > 1 {
			return 0, false
		}
		q = int(f*1000 + 0.5)
	}
	return q, true
}

// choose picks the form of a file to send: the index in codings of the
// precompressed twin to use, or -1 for the file itself. have reports
// which twins exist. Ties go to the smaller form; when the client accepts
// nothing that exists, it gets the file itself, as HTTP allows.
func choose(acceptEncoding string, have [2]bool) int {
	br, gzip, identity := acceptWeights(acceptEncoding)
	best, bestQ := -1, identity
	for i, q := range [2]int{br, gzip} {
		if have[i] && q > 0 && (q > bestQ || q == bestQ && best == -1) {
			best, bestQ = i, q
		}
	}
	return best
}
