package main

import (
	"fmt"
	"io"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// printBanner tells the teacher where the site is: the addresses students
// type, a QR code of the first, and the address for this computer.
func printBanner(w io.Writer, at *net.TCPAddr, colour bool) {
	port := at.Port
	var urls []string
	if at.IP.IsUnspecified() {
		urls = lanURLs(interfaceAddrs(), port)
	} else {
		urls = []string{"http://" + net.JoinHostPort(at.IP.String(), strconv.Itoa(port)) + "/"}
	}
	fmt.Fprintln(w, "Nexus Lab is running. No internet is needed.")
	fmt.Fprintln(w)
	if len(urls) == 0 {
		fmt.Fprintln(w, "This computer is on no network yet: join the classroom Wi-Fi or start a")
		fmt.Fprintln(w, "hotspot, then start Nexus Lab again to see the address for students.")
	} else {
		fmt.Fprintln(w, "Students on the same Wi-Fi or hotspot open:")
		fmt.Fprintln(w)
		for _, u := range urls {
			fmt.Fprintln(w, "    "+u)
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "or scan this code for %s\n\n", urls[0])
		if err := writeQR(w, urls[0], colour); err != nil {
			fmt.Fprintln(w, "(no QR code:", err, ")")
		}
	}
	if at.IP.IsUnspecified() {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "On this computer: http://localhost:%d/\n", port)
	}
	fmt.Fprintln(w, "Press Ctrl+C to stop.")
}

// interfaceAddrs returns the addresses of the network interfaces that are
// up, not loopback and not point-to-point links such as VPN tunnels,
// which students cannot reach.
func interfaceAddrs() []netip.Addr {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []netip.Addr
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&(net.FlagLoopback|net.FlagPointToPoint) != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if p, err := netip.ParsePrefix(a.String()); err == nil {
				out = append(out, p.Addr())
			}
		}
	}
	return out
}

// lanURLs returns the URLs at which other devices can reach port on
// addrs, easiest first: IPv4 only (short enough to type), home and school
// ranges 192.168/16 and 10/8 before 172.16/12, where container bridges
// usually sit, and public addresses last.
func lanURLs(addrs []netip.Addr, port int) []string {
	rank := func(a netip.Addr) int {
		b := a.As4()
		switch {
		case b[0] == 192 && b[1] == 168:
			return 0
		case b[0] == 10:
			return 1
		case a.IsPrivate():
			return 2
		}
		return 3
	}
	var v4 []netip.Addr
	for _, a := range addrs {
		a = a.Unmap()
		if a.Is4() && !a.IsLoopback() && !a.IsLinkLocalUnicast() && !a.IsUnspecified() && !a.IsMulticast() && !slices.Contains(v4, a) {
			v4 = append(v4, a)
		}
	}
	slices.SortStableFunc(v4, func(a, b netip.Addr) int { return rank(a) - rank(b) })
	urls := make([]string, len(v4))
	for i, a := range v4 {
		urls[i] = "http://" + a.String() + ":" + strconv.Itoa(port) + "/"
	}
	return urls
}

// writeQR draws text as a QR code with two modules per character cell,
// light modules inked so that it reads on the usual dark terminal; with
// colour it sets white on black itself, so any terminal theme works.
func writeQR(w io.Writer, text string, colour bool) error {
	code, err := encodeQR(text)
	if err != nil {
		return err
	}
	const quiet = 2 // modules of margin; the terminal around adds more
	light := func(x, y int) bool { return !code.Black(x, y) }
	var b strings.Builder
	for y := -quiet; y < code.Size+quiet; y += 2 {
		if colour {
			b.WriteString("\x1b[40;97m")
		}
		for x := -quiet; x < code.Size+quiet; x++ {
			top, bottom := light(x, y), light(x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		if colour {
			b.WriteString("\x1b[0m")
		}
		b.WriteString("\n")
	}
	_, err = io.WriteString(w, b.String())
	return err
}
