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
}

var actions = []sim.Action{{Name: "run", Label: "Run"}}

func describe(p sim.Printer, n int) string {
	_ = fmt.Sprintf("not a key %d", n)
	return p.Sprintf("Measured %d shots", n) + p.Sprintf("Z")
}

func check(raw string) message { return msgf("%q is wrong", raw) }

type message struct{}

func msgf(string, ...any) message { return message{} }
