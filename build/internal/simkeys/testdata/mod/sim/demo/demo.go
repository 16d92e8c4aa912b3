package demo

import (
	"fmt"

	"nexuslab/sim"
)

const Entangled = "entangled"

var bases = []string{"Z", "diagonal"}

var schema = sim.Schema{
	{Name: "shots", Kind: sim.Int, Label: "Shots", Help: "How many " + "times"},
	{Name: "source", Kind: sim.Choice, Label: "Source", Choices: []string{Entangled, "classical", "0.5"}},
	{Name: "basis", Kind: sim.Choice, Label: "Basis", Choices: bases},
	{Name: "set", Kind: sim.Choice, Label: "Data set", Choices: []string{"xor"}, ChoiceLabels: []string{"Exclusive or"}},
}

var actions = []sim.Action{{Name: "run", Label: "Run"}}

func describe(p sim.Printer, n int) string {
	_ = fmt.Sprintf("not a key %d", n)
	return p.Sprintf("Measured %d shots", n) + p.Sprintf("Z")
}

func check(raw string) message { return msgf("%q is wrong", raw) }

type message struct{}

func msgf(string, ...any) message { return message{} }

func parse(at int, raw string) error {
	if raw == "" {
		return sim.ParamErrorf("marked", "%s at %d", sim.Errorf("mark at least one item"), at)
	}
	_ = fmt.Errorf("not a key either %d", at)
	return sim.Errorf("%d:%d: %s", at, at, raw)
}
