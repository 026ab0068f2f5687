package sam

import (
	"regexp"
	"strings"
	"sync"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// iamService maps AWS SDK service names (as in aws-sdk:SERVICE:action) to
// IAM action prefixes where they differ.
var iamService = map[string]string{
	"sfn":                    "states",
	"cloudwatchlogs":         "logs",
	"eventbridge":            "events",
	"cloudwatchevents":       "events",
	"elasticloadbalancingv2": "elasticloadbalancing",
	"apigatewayv2":           "apigateway",
	"mediastoredata":         "mediastore",
	"opensearch":             "es",
	"bedrockruntime":         "bedrock",
	"bedrockagentruntime":    "bedrock",
	"bedrockagent":           "bedrock",
	"sagemakerruntime":       "sagemaker",
	"iotdata":                "iot",
	"sesv2":                  "ses",
	"dynamodbstreams":        "dynamodb",
	"redshiftdata":           "redshift-data",
	"textract":               "textract",
}

// inferPolicies reads what each Task calls and picks the SAM policy
// templates (or IAM actions) it needs.
func inferPolicies(tasks []*asl.Value) *policies {
	p := &policies{}
	for _, st := range tasks {
		res, _ := st.Get("Resource").StringValue()
		args := st.Get("Parameters")
		if args == nil {
			args = st.Get("Arguments")
		}
		arg := func(key string) string {
			if s, ok := args.Get(key).StringValue(); ok && !strings.HasPrefix(s, "{%") {
				return s
			}
			return ""
		}
		parts := strings.SplitN(res, ":", 7)
		// arn:PARTITION:SERVICE:REGION:ACCOUNT:TYPE:NAME (a Lambda function or activity)
		if len(parts) >= 7 && parts[2] == "lambda" && parts[5] == "function" {
			p.add("LambdaInvokePolicy", "FunctionName", orStar(strings.SplitN(parts[6], ":", 2)[0]))
			continue
		}
		if len(parts) < 6 || parts[2] != "states" || parts[3] != "" || parts[4] != "" {
			continue
		}
		integ := strings.Join(parts[5:], ":") // e.g. lambda:invoke.waitForTaskToken, aws-sdk:s3:getObject
		base, mode, _ := strings.Cut(integ, ".")
		service, action, _ := strings.Cut(base, ":")
		if service == "aws-sdk" {
			svc, act, _ := strings.Cut(action, ":")
			sdkPolicy(p, svc, act, arg)
			continue
		}
		switch service + ":" + action {
		case "lambda:invoke":
			p.add("LambdaInvokePolicy", "FunctionName", orStar(lastSegment(arg("FunctionName"), ":function:")))
		case "dynamodb:getItem":
			p.add("DynamoDBReadPolicy", "TableName", orStar(arg("TableName")))
		case "dynamodb:putItem", "dynamodb:updateItem", "dynamodb:deleteItem":
			p.add("DynamoDBCrudPolicy", "TableName", orStar(arg("TableName")))
		case "sqs:sendMessage":
			p.add("SQSSendMessagePolicy", "QueueName", orStar(lastSegment(arg("QueueUrl"), "/")))
		case "sns:publish":
			p.add("SNSPublishMessagePolicy", "TopicName", orStar(lastSegment(arg("TopicArn"), ":")))
		case "events:putEvents":
			bus := "default"
			if e := args.Get("Entries"); e != nil && len(e.Items) > 0 {
				if s, ok := e.Items[0].Get("EventBusName").StringValue(); ok && s != "" {
					bus = lastSegment(s, "/")
				}
			}
			p.add("EventBridgePutEventsPolicy", "EventBusName", bus)
		case "states:startExecution":
			p.add("StepFunctionsExecutionPolicy", "StateMachineName", orStar(lastSegment(arg("StateMachineArn"), ":")))
			if strings.HasPrefix(mode, "sync") {
				p.statement("states", "DescribeExecution", "StopExecution")
				p.statement("events", "PutTargets", "PutRule", "DescribeRule")
			}
		default:
			if service != "" && action != "" {
				p.statement(iamPrefix(service), upperFirst(action))
			}
		}
	}
	return p
}

// sdkPolicy handles an aws-sdk:SERVICE:action integration: S3 reads and
// writes use SAM's S3 policy templates, everything else exact IAM actions.
func sdkPolicy(p *policies, svc, act string, arg func(string) string) {
	if svc == "s3" {
		bucket := orStar(arg("Bucket"))
		lower := strings.ToLower(act)
		switch {
		case strings.HasPrefix(lower, "get") || strings.HasPrefix(lower, "list") || strings.HasPrefix(lower, "head"):
			p.add("S3ReadPolicy", "BucketName", bucket)
			return
		case strings.HasPrefix(lower, "put") || strings.HasPrefix(lower, "delete") || strings.HasPrefix(lower, "copy"):
			p.add("S3CrudPolicy", "BucketName", bucket)
			return
		}
	}
	if svc != "" && act != "" {
		p.statement(iamPrefix(svc), upperFirst(act))
	}
}

func iamPrefix(svc string) string {
	if s, ok := iamService[strings.ToLower(svc)]; ok {
		return s
	}
	return strings.ToLower(svc)
}

// lastSegment returns what follows the last sep in s ("" for a path or
// placeholder it cannot name).
func lastSegment(s, sep string) string {
	if s == "" || strings.Contains(s, "${") {
		return ""
	}
	if i := strings.LastIndex(s, sep); i >= 0 {
		s = s[i+len(sep):]
	}
	s, _, _ = strings.Cut(s, ":")
	return s
}

func orStar(s string) string {
	if s == "" {
		return "*"
	}
	return s
}

// arnRE matches a literal ARN with an account (integration ARNs such as
// arn:aws:states:::lambda:invoke have none and stay as they are).
var arnRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):([0-9]{12}|aws):(.+)$`)
})

// substituteARNs replaces literal ARNs in a definition's strings by ${Name}
// placeholders and returns the substitutions (name, ARN) in first-seen order.
func substituteARNs(def *asl.Value) (*asl.Value, [][2]string) {
	byARN := map[string]string{}
	used := map[string]bool{}
	var subs [][2]string
	var walk func(v *asl.Value) *asl.Value
	walk = func(v *asl.Value) *asl.Value {
		c := *v
		switch v.Kind {
		case asl.String:
			m := arnRE().FindStringSubmatch(v.Str)
			if m == nil {
				return &c
			}
			name, ok := byARN[v.Str]
			if !ok {
				name = placeholderName(m[1], m[4], used)
				byARN[v.Str] = name
				subs = append(subs, [2]string{name, v.Str})
			}
			c.Str = "${" + name + "}"
		case asl.Array:
			c.Items = make([]*asl.Value, len(v.Items))
			for i, it := range v.Items {
				c.Items[i] = walk(it)
			}
		case asl.Object:
			c.Fields = make([]*asl.Field, len(v.Fields))
			for i, f := range v.Fields {
				c.Fields[i] = &asl.Field{Key: f.Key, KeyPos: f.KeyPos, Value: walk(f.Value)}
			}
		}
		return &c
	}
	return walk(def), subs
}

var nonAlnum = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^A-Za-z0-9]+`) })

// placeholderName names an ARN: arn:…:lambda:…:function:OrderFn → OrderFnFunctionArn.
func placeholderName(service, resource string, used map[string]bool) string {
	kind, name := "", resource
	for _, sep := range []string{":", "/"} {
		if k, rest, ok := strings.Cut(resource, sep); ok {
			kind, name = k, rest
			break
		}
	}
	name, _, _ = strings.Cut(name, ":")
	if i := strings.LastIndexAny(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if kind == "" {
		kind = service
	}
	var b strings.Builder
	for _, w := range nonAlnum().Split(name, -1) {
		b.WriteString(upperFirst(w))
	}
	suffix := upperFirst(nonAlnum().ReplaceAllString(kind, "")) + "Arn"
	if kind == service || kind == "" {
		suffix = upperFirst(nonAlnum().ReplaceAllString(service, "")) + "Arn"
		if k, ok := map[string]string{"sns": "TopicArn", "sqs": "QueueArn"}[service]; ok {
			suffix = k
		}
	}
	base := b.String() + suffix
	if base == suffix {
		base = upperFirst(service) + suffix
	}
	out := base
	for i := 2; used[out]; i++ {
		out = base + itoa(i)
	}
	used[out] = true
	return out
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
