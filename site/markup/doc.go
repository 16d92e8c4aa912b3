// Package markup turns Nexus Lab Markdown into HTML: one goldmark
// configuration and the extensions the site adds to it, one per file in
// goldmark's pattern (node, parser or transformer, renderer, extender).
//
// New enables goldmark's GFM parts (tables, strikethrough, task lists,
// autolinks), footnotes, typographer and heading IDs, with raw HTML off,
// and these extensions:
//
//   - SimDirective: a line ::sim[bell]{shots=1000 seed=7} embeds a
//     simulation with preset parameters. Values may be double-quoted to
//     hold spaces, with \" and \\ escaped inside. The site renders it,
//     because only the site knows the catalogue and the built assets.
//   - Math: $…$ inside a paragraph and $$…$$ on lines of their own become
//     MathML at build time (LaTeX converted by treeblood, then reduced to
//     MathML elements and presentation attributes, escaped, without style
//     attributes). \ket, \bra and \braket are defined.
//   - Callouts: a block quote whose first line is [!NOTE], [!TIP],
//     [!IMPORTANT], [!WARNING] or [!CAUTION], with an optional title.
//   - Figures: an image on a line of its own at the start of a paragraph
//     becomes a figure, and the paragraph's other lines its caption.
//   - Glossary: the first use of each glossary term on a page links to its
//     definition.
//   - TableAlign: aligned table cells get classes instead of styles.
//   - TaskLabels: the checkbox of a task list item sits in a label with
//     the item's text, which names it for screen readers.
//
// What an extension cannot read it reports as a Problem in the parser
// context (see Problems) rather than guessing.
package markup
