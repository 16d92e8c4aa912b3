package qasm

import (
	"fmt"
	"unicode/utf8"
)

// Pos is a place in a source file: line and column from 1, the column
// counted in characters.
type Pos struct {
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Error is a problem in a program, at a place in its source.
type Error struct {
	File string // as given to Parse; may be empty
	Pos  Pos
	Msg  string // in English
	// Format and Args are Msg before formatting, so that a caller can
	// say it in another language (see Message). Format is an English
	// format string; an argument may have a Message method too, as a
	// phrase such as "the end of the file" does. Without Format, Msg is
	// the whole message.
	Format string
	Args   []any
}

// ErrorAt returns the Error at pos in file whose Msg is format formatted
// with args.
func ErrorAt(file string, pos Pos, format string, args ...any) *Error {
	return &Error{File: file, Pos: pos, Msg: phrasef(format, args...).String(), Format: format, Args: args}
}

// Error returns "FILE:LINE:COL: message", or "LINE:COL: message" without
// a file name.
func (e *Error) Error() string {
	if e.File == "" {
		return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("%s:%s: %s", e.File, e.Pos, e.Msg)
}

// Message returns what Error does as an English format string, a message
// key, and its arguments: the file, line and column, then the message,
// which has a Message method of its own. A caller with a translation
// table, such as nexuslab/sim's Translate, can thus say the position and
// the message in another language; this package does without one.
func (e *Error) Message() (format string, args []any) {
	msg := phrase{e.Format, e.Args}
	if e.Format == "" {
		msg = phrase{format: e.Msg}
	}
	if e.File == "" {
		return phrasef("%d:%d: %s", e.Pos.Line, e.Pos.Col, msg).Message()
	}
	return phrasef("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, msg).Message()
}

// phrase is English text kept as a format string and its arguments, so
// that a caller can translate it: an error's message, or a part of one
// such as what was expected. Without arguments, the format is plain text.
type phrase struct {
	format string
	args   []any
}

func phrasef(format string, args ...any) phrase { return phrase{format, args} }

// keyword is a phrase of one keyword, which reads the same in every
// language.
func keyword(kw string) phrase { return phrasef("%s", kw) }

// String returns the phrase in English.
func (p phrase) String() string {
	if len(p.args) == 0 {
		return p.format
	}
	return fmt.Sprintf(p.format, p.args...)
}

// Message returns the format and arguments, as Error.Message does.
func (p phrase) Message() (string, []any) { return p.format, p.args }

type tokKind uint8

const (
	tEOF tokKind = iota
	tIdent
	tInt
	tReal
	tString
	tSym // one of ; , [ ] ( ) { } + - * / ^ and the pairs -> ==
)

type token struct {
	kind tokKind
	text string
	pos  Pos
	end  Pos // position just after the token
}

func (t token) String() string { return t.words().String() }

// Message says what String does, for a caller that translates it.
func (t token) Message() (string, []any) { return t.words().Message() }

// words names the token in an error: its text quoted, or the end of
// the file.
func (t token) words() phrase {
	if t.kind == tEOF {
		return phrasef("the end of the file")
	}
	return phrasef("%q", t.text)
}

// comment is a // comment, without the slashes.
type comment struct {
	text string
	pos  Pos
}

// lexer splits source into tokens and comments.
type lexer struct {
	file     string
	src      []byte
	off      int
	pos      Pos
	comments []comment
}

func (l *lexer) errorf(p Pos, format string, args ...any) error {
	return ErrorAt(l.file, p, format, args...)
}

// next returns the next rune without consuming it, or -1 at the end.
func (l *lexer) peek(k int) rune {
	off := l.off
	for ; k > 0 && off < len(l.src); k-- {
		_, w := utf8.DecodeRune(l.src[off:])
		off += w
	}
	if off >= len(l.src) {
		return -1
	}
	r, _ := utf8.DecodeRune(l.src[off:])
	return r
}

func (l *lexer) advance() rune {
	r, w := utf8.DecodeRune(l.src[l.off:])
	l.off += w
	if r == '\n' {
		l.pos.Line++
		l.pos.Col = 1
	} else {
		l.pos.Col++
	}
	return r
}

func isLetter(r rune) bool { return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }
func isDigit(r rune) bool  { return '0' <= r && r <= '9' }

// lex returns every token of the source, the last being tEOF.
func (l *lexer) lex() ([]token, error) {
	l.pos = Pos{1, 1}
	var toks []token
	for {
		t, err := l.token()
		if err != nil {
			return nil, err
		}
		toks = append(toks, t)
		if t.kind == tEOF {
			return toks, nil
		}
	}
}

func (l *lexer) token() (token, error) {
	for {
		r := l.peek(0)
		switch {
		case r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\f' || r == '\v':
			l.advance()
			continue
		case r == '/' && l.peek(1) == '/':
			p := l.pos
			l.advance()
			l.advance()
			start := l.off
			for l.off < len(l.src) && l.peek(0) != '\n' {
				l.advance()
			}
			l.comments = append(l.comments, comment{text: string(l.src[start:l.off]), pos: p})
			continue
		case r == '/' && l.peek(1) == '*':
			p := l.pos
			l.advance()
			l.advance()
			for {
				if l.off >= len(l.src) {
					return token{}, l.errorf(p, "this /* comment is never closed with */")
				}
				if l.peek(0) == '*' && l.peek(1) == '/' {
					l.advance()
					l.advance()
					break
				}
				l.advance()
			}
			continue
		}
		break
	}
	p := l.pos
	start := l.off
	r := l.peek(0)
	mk := func(k tokKind) token {
		return token{kind: k, text: string(l.src[start:l.off]), pos: p, end: l.pos}
	}
	switch {
	case r == -1:
		return token{kind: tEOF, pos: p, end: p}, nil
	case r == utf8.RuneError && l.off < len(l.src):
		return token{}, l.errorf(p, "the file is not valid UTF-8 text here")
	case isLetter(r):
		for isLetter(l.peek(0)) || isDigit(l.peek(0)) {
			l.advance()
		}
		return mk(tIdent), nil
	case isDigit(r) || r == '.' && isDigit(l.peek(1)):
		kind := tInt
		for isDigit(l.peek(0)) {
			l.advance()
		}
		if l.peek(0) == '.' {
			kind = tReal
			l.advance()
			for isDigit(l.peek(0)) {
				l.advance()
			}
		}
		if e := l.peek(0); e == 'e' || e == 'E' {
			k := 1
			if s := l.peek(1); s == '+' || s == '-' {
				k = 2
			}
			if isDigit(l.peek(k)) {
				kind = tReal
				for range k {
					l.advance()
				}
				for isDigit(l.peek(0)) {
					l.advance()
				}
			}
		}
		if isLetter(l.peek(0)) {
			return token{}, l.errorf(p, "a number runs into letters: put a space or an operator between %q and what follows", string(l.src[start:l.off]))
		}
		return mk(kind), nil
	case r == '"':
		l.advance()
		for {
			c := l.peek(0)
			if c == -1 || c == '\n' {
				return token{}, l.errorf(p, "this string is never closed with \"")
			}
			l.advance()
			if c == '"' {
				break
			}
		}
		t := mk(tString)
		t.text = t.text[1 : len(t.text)-1]
		return t, nil
	case r == '-' && l.peek(1) == '>' || r == '=' && l.peek(1) == '=':
		l.advance()
		l.advance()
		return mk(tSym), nil
	}
	switch r {
	case ';', ',', '[', ']', '(', ')', '{', '}', '+', '-', '*', '/', '^':
		l.advance()
		return mk(tSym), nil
	case '=':
		return token{}, l.errorf(p, "a lone = is not OpenQASM 2.0: conditions compare with == and measurements assign with ->")
	}
	return token{}, l.errorf(p, "unexpected character %q", r)
}
