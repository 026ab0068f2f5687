package asl

import "testing"

func TestGenerateLarge(t *testing.T) {
	src := GenerateLarge(2000)
	if len(src) < 900_000 || len(src) > 1_500_000 {
		t.Errorf("GenerateLarge(2000) is %d bytes, want about 1 MB", len(src))
	}
	v, err := ParseJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Decode(v)
	if err != nil {
		t.Fatal(err)
	}
	// Count the states and check every transition has a target in its scope.
	n := 0
	m.AllStates(func(s State, in *StateMachine) bool {
		n++
		b := s.Common()
		targets := []string{b.Next}
		switch st := s.(type) {
		case *TaskState:
			for _, c := range st.Catch {
				targets = append(targets, c.Next)
			}
		case *ChoiceState:
			targets = append(targets, st.Default)
			for _, r := range st.Choices {
				targets = append(targets, r.Next)
			}
		case *ParallelState:
			for _, c := range st.Catch {
				targets = append(targets, c.Next)
			}
		}
		for _, tg := range targets {
			if tg != "" && in.State(tg) == nil {
				t.Errorf("state %q goes to %q, which is not in its scope", b.Name, tg)
			}
		}
		if b.Next == "" && !b.End {
			switch s.(type) {
			case *ChoiceState, *SucceedState, *FailState:
			default:
				t.Errorf("state %q has neither Next nor End", b.Name)
			}
		}
		return true
	})
	if n < 2000 {
		t.Errorf("GenerateLarge(2000) has %d states", n)
	}
	if m.State(m.StartAt) == nil {
		t.Errorf("StartAt %q is not a state", m.StartAt)
	}
	t.Logf("GenerateLarge(2000): %d bytes, %d states", len(src), n)
}
