package i18n

import (
	"fmt"
	"slices"
	"strings"
)

// Printer is a sim.Printer over a translation table keyed by English
// format strings. The zero value prints English.
type Printer struct {
	lang string
	msgs map[string]string
}

// New returns a Printer for lang over msgs, which maps English format
// strings to their translations. Empty translations count as missing.
// The Printer keeps msgs: callers must not change it afterwards.
func New(lang string, msgs map[string]string) *Printer {
	return &Printer{lang: lang, msgs: msgs}
}

// Lang returns the language tag the Printer was made for.
func (p *Printer) Lang() string { return p.lang }

// Has reports whether key has a translation.
func (p *Printer) Has(key string) bool { return p.msgs[key] != "" }

// Sprintf formats the translation of key with args, or key itself when
// it has none.
func (p *Printer) Sprintf(key string, args ...any) string {
	if t := p.msgs[key]; t != "" {
		key = t
	}
	// As sim.English: without arguments the text is plain, so a label
	// such as "Bruit (%)" needs no escaping.
	if len(args) == 0 {
		return key
	}
	return fmt.Sprintf(key, args...)
}

// verbLetters are the verbs of package fmt.
const verbLetters = "vTtbcdoOqxXUeEfFgGsp"

// Verbs returns the placeholders of a format string, sorted, with
// explicit argument indexes removed, so that "%[2]s … %[1]d" and
// "%d … %s" have the same verbs. %% is not a placeholder, nor is a %
// before a space or a character that is not a verb, as in "Noise (%)" or
// "% by volume": people write those as percent signs.
func Verbs(format string) []string {
	var out []string
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		var b strings.Builder
		b.WriteByte('%')
		for j < len(format) {
			c := format[j]
			switch {
			case c == '[':
				// An explicit index says which argument, not how.
				for j < len(format) && format[j] != ']' {
					j++
				}
				j++
				continue
			case strings.IndexByte("+-# 0123456789.*", c) >= 0:
				b.WriteByte(c)
				j++
				continue
			}
			break
		}
		if j >= len(format) {
			break
		}
		if format[j] != '%' && strings.IndexByte(verbLetters, format[j]) >= 0 && !strings.HasPrefix(b.String(), "% ") {
			b.WriteByte(format[j])
			out = append(out, b.String())
		}
		i = j
	}
	slices.Sort(out)
	return out
}

// NeedsTranslation reports whether a key holds words: two letters in a
// row outside its placeholders. Numbers, single letters such as a basis
// Z, and symbols read the same in every language.
func NeedsTranslation(key string) bool {
	run := 0
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c == '%' && i+1 < len(key) {
			// Skip the verb: flags, width, precision, index and letter.
			j := i + 1
			for j < len(key) && strings.IndexByte("+-# 0123456789.*[]", key[j]) >= 0 {
				j++
			}
			i = j
			run = 0
			continue
		}
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
