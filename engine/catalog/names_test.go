package catalog

import "testing"

func TestJavaClientName(t *testing.T) {
	cases := map[string]string{
		"DynamoDB":                   "DynamoDb",
		"SFN":                        "Sfn",
		"ACM PCA":                    "AcmPca",
		"S3":                         "S3",
		"EC2":                        "Ec2",
		"Secrets Manager":            "SecretsManager",
		"Config Service":             "Config",
		"CloudWatch Logs":            "CloudWatchLogs",
		"Cognito Identity Provider":  "CognitoIdentityProvider",
		"Elastic Load Balancing v2":  "ElasticLoadBalancingV2",
		"ApiGatewayV2":               "ApiGatewayV2",
		"Lex Runtime V2":             "LexRuntimeV2",
		"IoT Data Plane":             "IotDataPlane",
		"SESv2":                      "SesV2",
		"Redshift Data":              "RedshiftData",
		"Database Migration Service": "DatabaseMigration",
		"Route 53":                   "Route53",
	}
	for in, want := range cases {
		if got := JavaClientName(in); got != want {
			t.Errorf("JavaClientName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := IntegrationServiceName("SFN"); got != "sfn" {
		t.Errorf("IntegrationServiceName(SFN) = %q", got)
	}
}

func TestActionAndMemberNames(t *testing.T) {
	if got := ActionName("ListObjectsV2"); got != "listObjectsV2" {
		t.Errorf("ActionName = %q", got)
	}
	if got := MemberName("stateMachineArn"); got != "StateMachineArn" {
		t.Errorf("MemberName = %q", got)
	}
	if got := MemberName("Equals"); got != "EqualsValue" {
		t.Errorf("MemberName(Equals) = %q", got)
	}
	if got := ErrorName("S3", "NoSuchKey"); got != "S3.NoSuchKeyException" {
		t.Errorf("ErrorName = %q", got)
	}
	if got := ErrorName("DynamoDb", "ConditionalCheckFailedException"); got != "DynamoDb.ConditionalCheckFailedException" {
		t.Errorf("ErrorName = %q", got)
	}
}
