package markup

import (
	"strconv"
	"strings"
	"unicode"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// folds maps accented Latin letters, Vietnamese's first among them, to
// their base letter, so that "Vì sao điều này quan trọng" gets the anchor
// vi-sao-dieu-nay-quan-trong rather than losing every accented letter.
var folds = func() map[rune]rune {
	m := map[rune]rune{}
	for base, variants := range map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậäå",
		'e': "èéẻẽẹêềếểễệë",
		'i': "ìíỉĩịîï",
		'o': "òóỏõọôồốổỗộơờớởỡợöø",
		'u': "ùúủũụưừứửữựûü",
		'y': "ỳýỷỹỵÿ",
		'd': "đ",
		'c': "ç",
		'n': "ñ",
	} {
		for _, v := range variants {
			m[v] = base
		}
	}
	return m
}()

// headingIDs generates heading anchors: lower-case ASCII words joined by
// hyphens, accents folded, duplicates numbered.
type headingIDs struct {
	used map[string]bool
}

// NewIDs returns the anchor generator the site parses with.
func NewIDs() parser.IDs { return &headingIDs{used: map[string]bool{}} }

// Generate returns a new unique id for a heading whose text is value.
func (g *headingIDs) Generate(value []byte, kind gast.NodeKind) []byte {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(string(value)) {
		r = unicode.ToLower(r)
		if f, ok := folds[r]; ok {
			r = f
		}
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_':
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	unique := id
	for n := 1; g.used[unique]; n++ {
		unique = id + "-" + strconv.Itoa(n)
	}
	g.used[unique] = true
	return []byte(unique)
}

// Put records an id given explicitly, so generated ones avoid it.
func (g *headingIDs) Put(value []byte) { g.used[string(value)] = true }
