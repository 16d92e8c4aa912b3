package site

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Scaffold is a new case study ready to edit.
type Scaffold struct {
	Title      string
	Date       time.Time
	Sector     string // one of the sectors; empty means public-services
	Technology string // quantum or ai; empty means quantum
	Level      string // empty means intro
}

// Slug returns the file name of the case study, without .md.
func (sc Scaffold) Slug() string { return slugify(sc.Title) }

// Markdown returns the file: valid front matter listing the allowed
// values, and the sections every case study has, each with a line on
// what belongs in it.
func (sc Scaffold) Markdown() ([]byte, error) {
	if slugify(sc.Title) == "" {
		return nil, fmt.Errorf("site: the title %q has no letters or digits to name the file", sc.Title)
	}
	pick := func(v, def string, allowed []string, what string) (string, error) {
		if v == "" {
			return def, nil
		}
		if !contains(allowed, v) {
			return "", fmt.Errorf("site: unknown %s %q (known: %s)", what, v, strings.Join(allowed, ", "))
		}
		return v, nil
	}
	sector, err := pick(sc.Sector, "public-services", sectors, "sector")
	if err != nil {
		return nil, err
	}
	tech, err := pick(sc.Technology, "quantum", technologies, "technology")
	if err != nil {
		return nil, err
	}
	level, err := pick(sc.Level, "intro", levels, "level")
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, `---
title: %s
summary: "One paragraph for policymakers: the use, what the simulation shows about it, and what to decide."
# One or more of: %s
sectors: [%s]
# Sustainable Development Goals, numbered 1 to 17.
sdgs: []
# One or more of: %s
technologies: [%s]
# Regions or countries, as they should be shown.
regions: [Global]
# One of: %s
level: %s
# Simulations featured, with preset parameters: - name: bell
#   params: {shots: "1000", seed: "7"}
sims: []
date: %s
license: CC BY 4.0
# Public sources: - title, url, publisher, year.
references: []
---

## Why this matters

The problem in the sector, for a reader who is not a specialist.

## What the simulation shows

Embed a simulation on a line of its own, such as ::sim[bell]{shots=1000 seed=7},
and explain what the reader should look for.

## Try this

1. A first thing to change in the simulation, and what to notice.

## Notes for teachers

- How to use the simulation in class, and a common misconception.

## Governance: questions to ask

- A question a policymaker should ask before adopting the technology.
`, strconv.Quote(sc.Title), strings.Join(sectors, ", "), sector, strings.Join(technologies, ", "), tech, strings.Join(levels, ", "), level, sc.Date.Format(time.DateOnly))
	return []byte(b.String()), nil
}

// CheckCaseStudy validates one case study's front matter, as Check does
// for every file, without the rest of the content.
func CheckCaseStudy(file string, src []byte) Problems {
	_, probs := loadCaseStudy(file, src)
	return probs
}
