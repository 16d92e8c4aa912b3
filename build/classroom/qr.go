package main

import (
	"strings"

	"rsc.io/qr"
)

// encodeQR encodes a URL as a QR code. A URL of only a scheme, an address
// and "/" is written in capitals, which the alphanumeric mode of QR
// stores in fewer modules: scheme and host ignore case, and a smaller code
// scans better from a screen across a classroom.
func encodeQR(url string) (*qr.Code, error) {
	if up := strings.ToUpper(url); strings.Count(url, "/") == 3 && strings.HasSuffix(url, "/") {
		url = up
	}
	return qr.Encode(url, qr.M)
}
