package asl

import (
	"sync"
	"testing"
)

// largeDoc is the generated ~1 MB definition, made on first use.
var largeDoc = sync.OnceValue(func() []byte { return GenerateLarge(2000) })

func BenchmarkParseJSON(b *testing.B) {
	b.SetBytes(int64(len(largeDoc())))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseJSON(largeDoc()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	v, err := ParseJSON(largeDoc())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrintJSON(b *testing.B) {
	v, err := ParseJSON(largeDoc())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		PrintJSON(v)
	}
}

func BenchmarkParseYAML(b *testing.B) {
	v, err := ParseJSON(largeDoc())
	if err != nil {
		b.Fatal(err)
	}
	y := PrintYAML(v)
	b.SetBytes(int64(len(y)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseYAML(y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClone(b *testing.B) {
	v, err := ParseJSON(largeDoc())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		v.Clone()
	}
}
