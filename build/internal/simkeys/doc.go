// Package simkeys finds the English message keys of the simulations by
// reading their Go source, so that a check can list every key a
// translation lacks before a reader meets it in the browser.
//
// A key is the constant first argument of a Sprintf method call on a
// value other than the fmt package (a sim.Printer), or the constant
// format argument of a call that makes a translatable message or error
// (sim's msgf, Errorf and ParamErrorf, the OpenQASM parser's errorf,
// ErrorAt, phrasef and plural), or the constant value of a field named
// Label, Help, Title, Summary, Keys or Format in a composite literal, or
// a constant element of a ChoiceLabels list, or of a Choices list without
// labels. Constants declared in the scanned packages are resolved by
// name; keys built at run time are not seen here, and the site adds
// those it can enumerate (catalogue titles, schemas, actions).
//
// Keys without words, such as a position "%s:%d:%d: %s", are listed too:
// they need no translation, but a catalogue may give one.
package simkeys
