package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/aslstudio/aslstudio/engine/catalog"
)

func buildFixture(t *testing.T, boto string) (string, *Stats) {
	t.Helper()
	out := t.TempDir()
	st, err := Build(Options{SDKDir: "../../testdata/models/aws-sdk", BotocoreDir: boto, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	return out, st
}

func readService(t *testing.T, dir, id string) *catalog.ServiceFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "services", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var sf catalog.ServiceFile
	if err := json.Unmarshal(b, &sf); err != nil {
		t.Fatal(err)
	}
	return &sf
}

func TestBuildWithoutBotocore(t *testing.T) {
	dir, st := buildFixture(t, "")
	if st.Services != 5 || st.Actions != 8 || st.ServicesWithErrors != 0 {
		t.Errorf("stats %+v", st)
	}
	if st.IndexGzip == 0 || st.IndexBrotli == 0 || st.IndexGzip >= st.IndexBytes {
		t.Errorf("index sizes %+v", st)
	}
	s3 := readService(t, dir, "s3")
	out := s3.Actions["getObject"].Output
	sc := out.Members["StorageClass"]
	if sc == nil || len(sc.Enum) == 0 || sc.Enum[0] != "STANDARD" {
		t.Errorf("StorageClass enum from the d.ts: %+v", sc)
	}
	if !out.Members["Body"].Streaming {
		t.Error("Body not marked streaming")
	}
	if len(s3.Actions["getObject"].Errors) != 0 {
		t.Error("errors without botocore")
	}
	kms := readService(t, dir, "kms")
	if blob := kms.Actions["encrypt"].Output.Members["CiphertextBlob"]; blob.Type != "blob" || blob.Min != nil {
		t.Errorf("CiphertextBlob %+v", blob)
	}
	// Named structures are shared by reference, recursion included.
	ddb := readService(t, dir, "dynamodb")
	item := ddb.Actions["putItem"].Input.Members["Item"]
	if item.Type != "map" || item.Value.Ref != "AttributeValue" {
		t.Fatalf("Item %+v", item)
	}
	av := ddb.Shapes["AttributeValue"]
	if av == nil || av.Members["M"].Value.Ref != "AttributeValue" || av.Members["L"].Member.Ref != "AttributeValue" {
		t.Errorf("AttributeValue %+v", av)
	}
	if ddb.Actions["putItem"].Input.Required[0] != "TableName" {
		t.Errorf("required %v", ddb.Actions["putItem"].Input.Required)
	}
}

func TestBuildWithBotocore(t *testing.T) {
	dir, st := buildFixture(t, "../../testdata/models/botocore")
	if st.ServicesWithErrors != 5 {
		t.Errorf("services with errors = %d", st.ServicesWithErrors)
	}
	kms := readService(t, dir, "kms")
	enc := kms.Actions["encrypt"]
	if blob := enc.Output.Members["CiphertextBlob"]; blob.Min == nil || *blob.Min != 1 {
		t.Errorf("CiphertextBlob min %+v", blob)
	}
	if len(enc.Errors) == 0 {
		t.Error("no errors for kms encrypt")
	}
	sfn := readService(t, dir, "sfn")
	if sfn.Actions["startExecution"].Output.Members["StartDate"].Type != "timestamp" {
		t.Error("StartDate not a timestamp")
	}
}

func TestParseDTS(t *testing.T) {
	d := parseDTS([]byte(`declare class X extends Service {
  doIt(params: X.Types.DoItInput, callback?: (err: AWSError, data: X.Types.DoItOutput) => void): Request<X.Types.DoItOutput, AWSError>;
  noOut(params: X.Types.NoOutInput, callback?: (err: AWSError, data: {}) => void): Request<{}, AWSError>;
}
declare namespace X {
  export interface DoItInput {
    Mode?: Mode;
    "Content-Type"?: Str;
    Tags: TagMap;
    Items?: ItemList;
  }
  export type Mode = "A"|"B \"quoted\""|string;
  export type Str = string;
  export type TagMap = {[key: string]: Str};
  export type ItemList = DoItInput[];
}
`))
	if d.ops["doIt"] != [2]string{"DoItInput", "DoItOutput"} || d.ops["noOut"] != [2]string{"NoOutInput", ""} {
		t.Errorf("ops %v", d.ops)
	}
	if d.interfaces["DoItInput"]["Content-Type"] != "Str" {
		t.Errorf("members %v", d.interfaces["DoItInput"])
	}
	if m := d.resolve("Mode"); len(m.enum) != 2 || m.enum[1] != `B "quoted"` || m.name != "Mode" {
		t.Errorf("enum %+v", m)
	}
	if m := d.resolve("TagMap"); !m.isMap || m.value != "Str" {
		t.Errorf("map %+v", m)
	}
	if l := d.resolve("ItemList"); !l.isList || l.elem != "DoItInput" {
		t.Errorf("list %+v", l)
	}
	if s := d.resolve("DoItInput"); s.iface != "DoItInput" {
		t.Errorf("interface %+v", s)
	}
}
