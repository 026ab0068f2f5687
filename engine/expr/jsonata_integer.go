package expr

import (
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blues/jsonata-go/jtypes"
)

// $formatInteger and $parseInteger of JSONata 2.x (absent from the
// library), after jsonata-js: decimal digit patterns with grouping
// separators and '#', a/A letters, i/I roman numerals, w/W/Ww words, and
// the ";o" ordinal modifier.

type intFormat struct {
	kind      byte // 'd' decimal, 'a' letters, 'i' roman, 'w' words
	upper     bool
	title     bool
	ordinal   bool
	mandatory int
	regular   int // regular grouping interval, or 0
	sepChar   string
	seps      []intSep // irregular separators (position from the right)
}

type intSep struct {
	pos int
	ch  string
}

func analyseIntegerPicture(picture string) (*intFormat, error) {
	f := &intFormat{kind: 'd'}
	primary := picture
	if i := strings.LastIndex(picture, ";"); i >= 0 {
		primary = picture[:i]
		if strings.HasPrefix(picture[i+1:], "o") {
			f.ordinal = true
		}
	}
	switch primary {
	case "A":
		f.kind, f.upper = 'a', true
	case "a":
		f.kind = 'a'
	case "I":
		f.kind, f.upper = 'i', true
	case "i":
		f.kind = 'i'
	case "W":
		f.kind, f.upper = 'w', true
	case "Ww":
		f.kind, f.title = 'w', true
	case "w":
		f.kind = 'w'
	default:
		runes := []rune(primary)
		pos := 0
		for i := len(runes) - 1; i >= 0; i-- {
			r := runes[i]
			switch {
			case unicode.IsDigit(r):
				f.mandatory++
				pos++
			case r == '#':
				pos++
			default:
				f.seps = append(f.seps, intSep{pos: pos, ch: string(r)})
			}
		}
		if f.mandatory == 0 {
			return nil, fnErr("D3130: Formatting or parsing an integer as a sequence starting with %s is not supported by this implementation", primary)
		}
		f.regular = regularSeparators(f.seps)
		if f.regular > 0 {
			f.sepChar = f.seps[0].ch
		}
	}
	return f, nil
}

// regularSeparators returns the interval when all separators are the same
// character at multiples of one interval.
func regularSeparators(seps []intSep) int {
	if len(seps) == 0 {
		return 0
	}
	gcd := func(a, b int) int {
		for b != 0 {
			a, b = b, a%b
		}
		return a
	}
	factor := seps[0].pos
	for _, s := range seps {
		if s.ch != seps[0].ch {
			return 0
		}
		factor = gcd(factor, s.pos)
	}
	if factor == 0 {
		return 0
	}
	for i := 1; i <= len(seps); i++ {
		found := false
		for _, s := range seps {
			if s.pos == i*factor {
				found = true
			}
		}
		if !found {
			return 0
		}
	}
	return factor
}

func formatInteger(value int64, f *intFormat) string {
	neg := value < 0
	if neg {
		value = -value
	}
	var out string
	switch f.kind {
	case 'a':
		var letters []byte
		base := byte('a')
		if f.upper {
			base = 'A'
		}
		for v := value; v > 0; v = (v - 1) / 26 {
			letters = append([]byte{base + byte((v-1)%26)}, letters...)
		}
		out = string(letters)
	case 'i':
		out = toRoman(value)
		if f.upper {
			out = strings.ToUpper(out)
		}
	case 'w':
		out = numberToWords(value, f.ordinal)
		switch {
		case f.upper:
			out = strings.ToUpper(out)
		case !f.title:
			out = strings.ToLower(out)
		}
	default:
		out = strconv.FormatInt(value, 10)
		if pad := f.mandatory - len(out); pad > 0 {
			out = strings.Repeat("0", pad) + out
		}
		if f.regular > 0 {
			n := (len(out) - 1) / f.regular
			for i := n; i > 0; i-- {
				p := len(out) - i*f.regular
				out = out[:p] + f.sepChar + out[p:]
			}
		} else {
			for _, s := range f.seps {
				p := len(out) - s.pos
				if p >= 0 && p <= len(out) {
					out = out[:p] + s.ch + out[p:]
				}
			}
		}
		if f.ordinal {
			suffix := "th"
			last := out[len(out)-1]
			if len(out) < 2 || out[len(out)-2] != '1' {
				switch last {
				case '1':
					suffix = "st"
				case '2':
					suffix = "nd"
				case '3':
					suffix = "rd"
				}
			}
			out += suffix
		}
	}
	if neg {
		out = "-" + out
	}
	return out
}

var romanTable = []struct {
	v int64
	s string
}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}

func toRoman(v int64) string {
	var b strings.Builder
	for _, r := range romanTable {
		for v >= r.v {
			b.WriteString(r.s)
			v -= r.v
		}
	}
	return b.String()
}

func fromRoman(s string) int64 {
	s = strings.ToLower(s)
	var total int64
	for i := 0; i < len(s); {
		matched := false
		for _, r := range romanTable {
			if strings.HasPrefix(s[i:], r.s) {
				total += r.v
				i += len(r.s)
				matched = true
				break
			}
		}
		if !matched {
			return -1
		}
	}
	return total
}

var (
	fewWords      = []string{"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"}
	ordinalWords  = []string{"Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"}
	decadeWords   = []string{"Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"}
	magnitudeWord = []string{"Thousand", "Million", "Billion", "Trillion"}
)

// numberToWords spells a number in English as jsonata-js does ("One
// Hundred and Twenty-Three"; title case).
func numberToWords(v int64, ordinal bool) string {
	var lookup func(num int64, prev, ord bool) string
	lookup = func(num int64, prev, ord bool) string {
		var words string
		switch {
		case num <= 19:
			if prev {
				words = " and "
			}
			if ord {
				words += ordinalWords[num]
			} else {
				words += fewWords[num]
			}
		case num < 100:
			if prev {
				words = " and "
			}
			words += decadeWords[num/10-2]
			if rem := num % 10; rem > 0 {
				words += "-" + lookup(rem, false, ord)
			} else if ord {
				words = words[:len(words)-1] + "ieth"
			}
		case num < 1000:
			if prev {
				words = ", "
			}
			words += fewWords[num/100] + " Hundred"
			if rem := num % 100; rem > 0 {
				words += lookup(rem, true, ord)
			} else if ord {
				words += "th"
			}
		default:
			mag := int(math.Floor(math.Log10(float64(num)) / 3))
			if mag > len(magnitudeWord) {
				mag = len(magnitudeWord)
			}
			factor := int64(math.Pow(10, float64(mag*3)))
			mant := num / factor
			rem := num - mant*factor
			if prev {
				words = ", "
			}
			words += lookup(mant, false, false) + " " + magnitudeWord[mag-1]
			if rem > 0 {
				words += lookup(rem, true, ord)
			} else if ord {
				words += "th"
			}
		}
		return words
	}
	return lookup(v, false, ordinal)
}

// wordValues maps lower-case number words (cardinal and ordinal) to values.
var wordValues = func() map[string]int64 {
	m := map[string]int64{}
	for i, w := range fewWords {
		m[strings.ToLower(w)] = int64(i)
	}
	for i, w := range ordinalWords {
		m[strings.ToLower(w)] = int64(i)
	}
	for i, w := range decadeWords {
		v := int64(i+2) * 10
		if w == "Hundred" {
			v = 100
		}
		lw := strings.ToLower(w)
		m[lw] = v
		m[lw[:len(lw)-1]+"ieth"] = v
		m[lw+"th"] = v
	}
	for i, w := range magnitudeWord {
		v := int64(math.Pow(10, float64((i+1)*3)))
		m[strings.ToLower(w)] = v
		m[strings.ToLower(w)+"th"] = v
	}
	return m
}()

var wordSplit = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`,\s|\sand\s|[\s\-]`) })

func wordsToNumber(text string) (int64, bool) {
	segs := []int64{0}
	for _, part := range wordSplit().Split(strings.ToLower(text), -1) {
		if part == "" {
			continue
		}
		v, ok := wordValues[part]
		if !ok {
			return 0, false
		}
		top := segs[len(segs)-1]
		segs = segs[:len(segs)-1]
		if v < 100 {
			if top >= 1000 {
				segs = append(segs, top)
				top = 0
			}
			segs = append(segs, top+v)
		} else {
			segs = append(segs, top*v)
		}
	}
	var sum int64
	for _, s := range segs {
		sum += s
	}
	return sum, true
}

// jFormatInteger is $formatInteger(number, picture).
func jFormatInteger(num reflect.Value, picture string) (any, error) {
	x, ok := runtimeOf(num)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	var v float64
	switch n := x.(type) {
	case int64:
		v = float64(n)
	case float64:
		v = n
	default:
		return nil, fnErr("T0410: Argument 1 of function \"formatInteger\" does not match function signature")
	}
	f, err := analyseIntegerPicture(picture)
	if err != nil {
		return nil, err
	}
	return formatInteger(int64(math.Floor(v)), f), nil
}

// jParseInteger is $parseInteger(string, picture).
func jParseInteger(str reflect.Value, picture string) (any, error) {
	x, ok := runtimeOf(str)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	s, isStr := x.(string)
	if !isStr {
		return nil, fnErr("T0410: Argument 1 of function \"parseInteger\" does not match function signature")
	}
	f, err := analyseIntegerPicture(picture)
	if err != nil {
		return nil, err
	}
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	var v int64
	switch f.kind {
	case 'a':
		for _, r := range strings.ToLower(body) {
			if r < 'a' || r > 'z' {
				return nil, jtypes.ErrUndefined
			}
			v = v*26 + int64(r-'a'+1)
		}
	case 'i':
		if v = fromRoman(body); v < 0 {
			return nil, jtypes.ErrUndefined
		}
	case 'w':
		n, ok := wordsToNumber(body)
		if !ok {
			return nil, jtypes.ErrUndefined
		}
		v = n
	default:
		var digits strings.Builder
		for _, r := range body {
			if unicode.IsDigit(r) {
				digits.WriteRune(r)
			} else if unicode.IsLetter(r) && f.ordinal {
				break
			}
		}
		if digits.Len() == 0 || !utf8.ValidString(digits.String()) {
			return nil, jtypes.ErrUndefined
		}
		n, err := strconv.ParseInt(digits.String(), 10, 64)
		if err != nil {
			return nil, jtypes.ErrUndefined
		}
		v = n
	}
	if neg {
		v = -v
	}
	return float64(v), nil
}
