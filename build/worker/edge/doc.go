// Package edge answers the dynamic routes of the Nexus Lab Worker and
// hands every other request to the static site.
//
// At the edge the site is Workers static assets, with the headers of
// package serve applied by a _headers file; the Worker runs only for the
// routes below, and the assets it passes through keep those headers.
//
//   - /oembed answers oEmbed 1.0 requests for every embed page: the url
//     parameter must name /embed/NAME/ or a translation's
//     /LANG/embed/NAME/ on this site (any query string carries the
//     simulation's state into the iframe), maxwidth and
//     maxheight bound the size, and format must be json. Unknown URLs get
//     404, other formats 501, malformed parameters 400.
//   - / negotiates the language: a visitor arriving from elsewhere whose
//     Accept-Language prefers a language the site has a home page for, at
//     /LANG/, is redirected there. Navigation inside the site is never
//     redirected, so choosing English on a translated page sticks.
//
// Handler is plain net/http: the Worker gives it a handler that fetches
// from the assets binding, tests give it package serve's handler.
package edge
