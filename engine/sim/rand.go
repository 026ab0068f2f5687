package sim

import "fmt"

// rand01 is the seeded source of States.MathRandom, $random and jitter.
func (e *Execution) rand01() float64 { return e.rng.Float64() }

// uuid returns a seeded version-4 UUID.
func (e *Execution) uuid() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(e.rng.Intn(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// newToken returns a task token for .waitForTaskToken tasks.
func (e *Execution) newToken() string {
	return "AQB" + e.uuid()
}
