package validate

import "github.com/aslstudio/aslstudio/engine/asl"

// parallel checks a Parallel state and its branches.
func (c *checker) parallel(sc *scope, st *stateInfo) {
	c.payloads(st)
	o := st.o
	f, ptr := o.field("Branches")
	if f == nil {
		c.errorf(st.keyPos, o.ptr, "These fields are required: [Branches]")
		return
	}
	if !c.wantKind(f, ptr, asl.Array) {
		return
	}
	if len(f.Value.Items) == 0 {
		c.errorf(f.Value.Pos, ptr, "The field 'Branches' must have at least one branch")
	}
	for i, b := range f.Value.Items {
		bptr := ptr + "/" + itoa(i)
		if b.Kind != asl.Object {
			c.errorf(b.Pos, bptr, "Each branch must be an object with StartAt and States, not %s", kindName(b.Kind))
			continue
		}
		c.machine(obj{v: b, ptr: bptr}, scopeBranch, sc.distributed)
	}
}
