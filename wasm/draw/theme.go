package draw

import "image/color"

// Theme is the palette views draw with. Its colours keep a contrast of at
// least 4.5:1 for text and 3:1 for marks against Background.
type Theme struct {
	Background color.RGBA
	Ink        color.RGBA // text and axes
	Muted      color.RGBA // grid lines and secondary marks
	Accent     color.RGBA // the main series
	Second     color.RGBA // a contrasting series
	Third      color.RGBA
	Warn       color.RGBA
}

// Light returns the default theme.
func Light() Theme {
	return Theme{
		Background: color.RGBA{0xff, 0xff, 0xff, 0xff},
		Ink:        color.RGBA{0x1b, 0x1f, 0x24, 0xff},
		Muted:      color.RGBA{0x76, 0x7e, 0x87, 0xff},
		Accent:     color.RGBA{0x0b, 0x5c, 0xad, 0xff},
		Second:     color.RGBA{0xb4, 0x3c, 0x00, 0xff},
		Third:      color.RGBA{0x1f, 0x7a, 0x3a, 0xff},
		Warn:       color.RGBA{0xb0, 0x1e, 0x1e, 0xff},
	}
}

// Dark returns the theme for prefers-color-scheme: dark.
func Dark() Theme {
	return Theme{
		Background: color.RGBA{0x12, 0x16, 0x1c, 0xff},
		Ink:        color.RGBA{0xe8, 0xea, 0xed, 0xff},
		Muted:      color.RGBA{0x8b, 0x94, 0x9e, 0xff},
		Accent:     color.RGBA{0x6c, 0xb2, 0xff, 0xff},
		Second:     color.RGBA{0xff, 0x9e, 0x64, 0xff},
		Third:      color.RGBA{0x6f, 0xd0, 0x8c, 0xff},
		Warn:       color.RGBA{0xff, 0x7b, 0x72, 0xff},
	}
}
