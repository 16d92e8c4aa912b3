// Command worker is the Nexus Lab Cloudflare Worker. The built site is
// deployed as Workers static assets with package serve's headers; the
// Worker runs first only for the dynamic routes of package edge (oEmbed
// and the home page's language negotiation) and passes anything else to
// the assets binding.
//
// Build it with `make worker`, which builds the site, writes the assets
// and their _headers under build/worker/build/, compiles this command for
// GOOS=js GOARCH=wasm with the simulation catalogue linked in, and
// reports the size. wrangler.jsonc in this folder configures it; `wrangler
// dev` runs it locally in workerd and `wrangler deploy` publishes it.
//
// Built natively (`go run ./build/worker`), it serves the same routes over
// the site in $NEXUS_SITE (default public) on 127.0.0.1:$PORT (default
// 9900), for trying the routes without the Workers runtime.
package main
