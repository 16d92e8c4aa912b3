// Package catalog lists every simulation Nexus Lab ships, by name. The
// browser host, the site generator and the tests find models through it.
package catalog
