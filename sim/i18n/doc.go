// Package i18n formats simulation text in a language other than English.
//
// Models, views and the browser host write every string through a
// sim.Printer whose keys are English format strings. A Printer from this
// package looks each key up in a translation table, such as the one the
// site reads from content/i18n/sims/LANG.yaml and hands to the browser,
// and formats the translation with the same arguments. A key without a
// translation is formatted as English, so a page never shows a raw key.
//
// Translations may reorder arguments with explicit indexes (%[2]d), as fmt
// allows; Verbs lists the placeholders of a format so that a check can
// insist that a translation keeps those of its English key.
//
// The package is small on purpose: it is compiled into the browser
// program, whose download every reader pays for.
package i18n
