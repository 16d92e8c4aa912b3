// Package cliargs reads the arguments of nexus subcommands, which take
// flags before or after their positional arguments (nexus qasm run
// FILE --shots 100), unlike the standard flag package.
package cliargs

import "flag"

// Parse parses the flags of fs wherever they stand in args and returns
// the positional arguments in order.
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
