package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// yamlDoc is a decoded YAML document that remembers where each value was
// written, so that problems name the line.
type yamlDoc struct {
	problems
	offset int    // file line just before the YAML's first line
	src    []byte // the YAML, indexed on first use

	once  sync.Once
	lines map[string]int // value path, such as sims[0].params.shots, to YAML line
	paths map[int]string // YAML line to the deepest path written on it
}

// decodeYAML decodes src into v, refusing unknown fields. offset is the
// number of file lines before src. It reports false when v could not be
// decoded; the problems say why.
func decodeYAML(file string, src []byte, offset int, v any) (*yamlDoc, bool) {
	d := &yamlDoc{problems: problems{file: file}, offset: offset, src: src}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if errors.Is(err, io.EOF) {
		return d, true
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		for _, e := range te.Errors {
			line := yamlErrLine(e)
			d.add(d.offset+line, "%s", d.typeMsg(line, yamlErrMsg(e)))
		}
		return d, false
	}
	if err != nil {
		d.add(d.offset+yamlErrLine(err.Error()), "not valid YAML: %s", yamlErrMsg(err.Error()))
		return d, false
	}
	return d, true
}

// indexed builds the index of lines the first time a problem needs it:
// most documents have none, and parsing the YAML a second time would be
// a large share of loading them.
func (d *yamlDoc) indexed() {
	d.once.Do(func() {
		d.lines, d.paths = map[string]int{}, map[int]string{}
		var root yaml.Node
		if yaml.Unmarshal(d.src, &root) == nil && len(root.Content) > 0 {
			d.index(root.Content[0], "")
		}
	})
}

// index records the line of every value under n, whose path is path.
func (d *yamlDoc) index(n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := n.Content[i].Value
			if path != "" {
				p = path + "." + p
			}
			d.lines[p] = n.Content[i].Line
			d.paths[n.Content[i].Line] = p
			d.index(n.Content[i+1], p)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			d.lines[p] = c.Line
			if _, ok := d.paths[c.Line]; !ok || c.Kind == yaml.ScalarNode {
				d.paths[c.Line] = p
			}
			d.index(c, p)
		}
	}
}

// line returns the file line of the value at path, or of its nearest
// parent that was written, or of the document's start.
func (d *yamlDoc) line(path string) int {
	d.indexed()
	for p := path; p != ""; {
		if l, ok := d.lines[p]; ok {
			return d.offset + l
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return d.offset + 1
}

// at adds a problem at the line of path.
func (d *yamlDoc) at(path, format string, args ...any) {
	d.add(d.line(path), format, args...)
}

var (
	yamlLineRe    = regexp.MustCompile(`line (\d+): `)
	unknownField  = regexp.MustCompile(`^field (\S+) not found in type (\S+)$`)
	cannotDecode  = regexp.MustCompile("^cannot unmarshal !!(\\w+) (?:`(.*)` )?into (\\S+)$")
	yamlKindNames = map[string]string{
		"str": "text", "int": "a whole number", "float": "a number", "bool": "true or false",
		"seq": "a list", "map": "a mapping", "null": "nothing", "timestamp": "a date", "binary": "binary data",
	}
)

func yamlErrLine(msg string) int {
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 1
}

func yamlErrMsg(msg string) string {
	return yamlLineRe.ReplaceAllString(strings.TrimPrefix(msg, "yaml: "), "")
}

// typeMsg turns a decoding error of yaml.v3 into words an author reads.
func (d *yamlDoc) typeMsg(line int, msg string) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown field %q%s", m[1], knownFieldsOf(m[2]))
	}
	if m := cannotDecode.FindStringSubmatch(msg); m != nil {
		d.indexed()
		where := d.paths[line]
		if where != "" {
			where += ": "
		}
		found := yamlKindNames[m[1]]
		if m[2] != "" {
			found = strconv.Quote(m[2])
		}
		return fmt.Sprintf("%sexpected %s, found %s", where, goTypeName(m[3]), found)
	}
	return msg
}

// goTypeName names a Go type in an author's words.
func goTypeName(t string) string {
	switch {
	case t == "string":
		return "text"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	}
	return "a mapping"
}
