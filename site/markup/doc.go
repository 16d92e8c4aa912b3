// Package markup turns Nexus Lab Markdown into HTML: one goldmark
// configuration and the extensions the site adds to it.
//
// # The sim directive
//
// A line of its own of the form
//
//	::sim[bell]{shots=1000 seed=7}
//
// embeds the simulation bell with preset parameters. Values may be
// double-quoted to hold spaces, with \" and \\ escaped inside. The
// directive becomes a SimBlock node; the site renders it, because only the
// site knows the simulation catalogue and the built assets.
package markup
