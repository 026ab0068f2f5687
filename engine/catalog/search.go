package catalog

import (
	"sort"
	"strings"
	"sync"
)

// Result is one action found by Search.
type Result struct {
	// ID is the catalog identifier ("aws-sdk:dynamodb:putItem", or
	// "dynamodb:putItem" for an optimized integration).
	ID string
	// Resource is the Task's Resource (request-response pattern).
	Resource string
	// Service is the service's id in the index ("dynamodb") or, for an
	// optimized integration, the prefix of its ID ("states").
	Service string
	// ServiceName is the service's display name ("Amazon DynamoDB").
	ServiceName string
	// Action is the action's name ("putItem").
	Action    string
	Optimized bool
	Score     float64
}

// searchDoc is a service (or an optimized integration's service) with the
// words it is found by.
type searchDoc struct {
	id, name string
	// idPrefix is what the ids of its actions start with:
	// "aws-sdk:dynamodb:", or "dynamodb:" for optimized integrations.
	idPrefix  string
	tokens    []string
	boost     float64
	actions   []actionDoc
	optimized bool
}

// actionDoc is one action of a searchDoc. Its id (idPrefix + name) and
// resource are only built for the results Search returns, so that loading
// the index makes no string per action.
type actionDoc struct {
	name  string
	words []int32 // indexes into searchIndex.vocab
	boost float64
}

// searchIndex interns the action words so that a query scores each distinct
// word once and then adds scores up per action.
type searchIndex struct {
	docs   []*searchDoc
	vocab  []string
	wordID map[string]int32

	mu    sync.Mutex
	cache map[string][]float32 // query token → score of every vocab word
	order []string             // cache keys, oldest first
}

// tokenCacheSize bounds the cached token scores (about 30 KB each).
const tokenCacheSize = 32

// tokenScores scores every vocabulary word against a query token.
func (idx *searchIndex) tokenScores(q string) []float32 {
	idx.mu.Lock()
	if s, ok := idx.cache[q]; ok {
		idx.mu.Unlock()
		return s
	}
	idx.mu.Unlock()
	syn := searchWords().synonyms[q]
	s := make([]float32, len(idx.vocab))
	for w, text := range idx.vocab {
		s[w] = float32(wordScore(q, text, syn))
	}
	idx.mu.Lock()
	if idx.cache == nil {
		idx.cache = map[string][]float32{}
	}
	if _, ok := idx.cache[q]; !ok {
		idx.cache[q] = s
		idx.order = append(idx.order, q)
		if len(idx.order) > tokenCacheSize {
			delete(idx.cache, idx.order[0])
			idx.order = idx.order[1:]
		}
	}
	idx.mu.Unlock()
	return s
}

// internWords appends to dst the vocabulary ids of the lower-case words of
// s, split as lowerWords splits it, adding new words to the vocabulary. A
// word already known costs no allocation.
func (idx *searchIndex) internWords(dst []int32, s string) []int32 {
	var buf [64]byte
	eachWord(s, func(w string) {
		key := w
		lower := buf[:0]
		if hasUpperASCII(w) {
			if len(w) > len(buf) {
				key = strings.ToLower(w)
			} else {
				for i := 0; i < len(w); i++ {
					c := w[i]
					if isUpperASCII(c) {
						c += 'a' - 'A'
					}
					lower = append(lower, c)
				}
			}
		}
		var id int32
		var ok bool
		if len(lower) > 0 {
			id, ok = idx.wordID[string(lower)]
			if !ok {
				key = string(lower)
			}
		} else {
			id, ok = idx.wordID[key]
		}
		if !ok {
			id = int32(len(idx.vocab))
			idx.vocab = append(idx.vocab, key)
			idx.wordID[key] = id
		}
		dst = append(dst, id)
	})
	return dst
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if isUpperASCII(s[i]) {
			return true
		}
	}
	return false
}

// wordLists are the word lists of the search. They are built on first use,
// not at package initialization: a page that starts without searching
// does not run (nor have the browser compile) the code of these literals.
type wordLists struct {
	// serviceAliases are words people use for a service that its names lack.
	serviceAliases map[string][]string
	// servicePopularity raises the services most workflows call.
	servicePopularity map[string]float64
	// popularActions are the AWS SDK actions workflows call most; they rank
	// above their service's other actions.
	popularActions map[string]bool
	// synonyms map a query word to action words that mean the same.
	synonyms map[string][]string
	// stopWords are query words the search ignores.
	stopWords map[string]bool
	// popularByService holds popularActions by service, so that building the
	// index looks an action up without making its "service:action" key.
	popularByService map[string]map[string]bool
}

// searchWords returns the search's word lists, built once.
var searchWords = sync.OnceValue(func() *wordLists {
	w := &wordLists{
		serviceAliases: map[string][]string{
			"dynamodb":            {"dynamo", "ddb", "table", "nosql"},
			"sfn":                 {"stepfunctions", "step", "functions", "states", "statemachine", "workflow"},
			"sns":                 {"notification", "notify", "topic", "sms", "push"},
			"sqs":                 {"queue", "message"},
			"lambda":              {"function", "functions", "serverless"},
			"s3":                  {"bucket", "object", "storage", "file"},
			"bedrockruntime":      {"bedrock", "llm", "genai", "ai", "model", "claude", "titan"},
			"bedrock":             {"genai", "ai", "llm"},
			"bedrockagentruntime": {"bedrock", "agent", "rag"},
			"bedrockagent":        {"bedrock", "agent", "knowledge"},
			"eventbridge":         {"events", "event", "bus"},
			"cloudwatchevents":    {"events"},
			"cloudwatchlogs":      {"logs", "log"},
			"cloudwatch":          {"metrics", "metric", "alarm"},
			"ses":                 {"email", "mail"},
			"sesv2":               {"email", "mail"},
			"secretsmanager":      {"secret", "secrets", "password"},
			"ssm":                 {"parameter", "parameters", "systems"},
			"ecs":                 {"container", "containers", "fargate", "docker"},
			"ec2":                 {"instance", "instances", "vm", "server"},
			"rekognition":         {"image", "vision", "face"},
			"textract":            {"ocr", "document"},
			"translate":           {"translation"},
			"comprehend":          {"nlp", "sentiment", "entities"},
			"kinesis":             {"stream", "streams"},
			"firehose":            {"delivery", "stream"},
			"athena":              {"sql", "query"},
			"glue":                {"etl", "crawler"},
			"sagemaker":           {"ml", "training"},
			"emr":                 {"hadoop", "spark", "elasticmapreduce"},
			"rdsdata":             {"sql", "aurora"},
			"redshiftdata":        {"sql", "warehouse"},
			"scheduler":           {"schedule", "cron"},
			"apigateway":          {"api", "rest"},
		},
		servicePopularity: map[string]float64{
			"lambda": 6, "dynamodb": 6, "s3": 6, "sns": 5, "sqs": 5, "sfn": 5, "eventbridge": 5,
			"bedrockruntime": 5, "bedrock": 4, "ecs": 4, "glue": 4, "athena": 4, "ec2": 4,
			"secretsmanager": 4, "ssm": 4, "batch": 3, "sagemaker": 3, "sesv2": 3, "ses": 3, "kms": 3,
			"cloudwatch": 3, "cloudwatchlogs": 3, "apigateway": 3, "rekognition": 3, "textract": 3,
			"comprehend": 3, "translate": 3, "transcribe": 3, "iam": 3, "sts": 3, "kinesis": 3,
			"firehose": 3, "codebuild": 3, "eks": 3, "emr": 3, "scheduler": 3, "cloudformation": 3,
			"rds": 3, "rdsdata": 2, "redshiftdata": 2, "ecr": 2, "route53": 2, "bedrockagentruntime": 3,
			"bedrockagent": 2, "polly": 2, "emrserverless": 2, "emrcontainers": 2, "mediaconvert": 2,
		},
		popularActions: map[string]bool{
			"s3:getObject": true, "s3:putObject": true, "s3:listObjectsV2": true, "s3:copyObject": true,
			"s3:headObject": true, "s3:deleteObject": true, "s3:listBuckets": true,
			"dynamodb:getItem": true, "dynamodb:putItem": true, "dynamodb:updateItem": true,
			"dynamodb:deleteItem": true, "dynamodb:query": true, "dynamodb:scan": true,
			"dynamodb:batchWriteItem": true, "dynamodb:batchGetItem": true, "dynamodb:transactWriteItems": true,
			"sfn:startExecution": true, "sfn:startSyncExecution": true, "sfn:describeExecution": true,
			"sfn:listExecutions": true, "sfn:sendTaskSuccess": true, "sfn:sendTaskFailure": true,
			"lambda:invoke": true, "sns:publish": true, "sqs:sendMessage": true, "sqs:receiveMessage": true,
			"sqs:deleteMessage": true, "eventbridge:putEvents": true, "secretsmanager:getSecretValue": true,
			"ssm:getParameter": true, "ssm:getParameters": true, "ssm:putParameter": true,
			"ec2:describeInstances": true, "ec2:startInstances": true, "ec2:stopInstances": true,
			"ecs:runTask": true, "athena:startQueryExecution": true, "athena:getQueryResults": true,
			"glue:startJobRun": true, "glue:startCrawler": true, "textract:analyzeDocument": true,
			"textract:detectDocumentText": true, "translate:translateText": true, "comprehend:detectSentiment": true,
			"rekognition:detectLabels": true, "bedrockruntime:invokeModel": true, "bedrockruntime:converse": true,
			"sesv2:sendEmail": true, "ses:sendEmail": true, "cloudwatch:putMetricData": true,
			"kinesis:putRecord": true, "firehose:putRecord": true, "kms:encrypt": true, "kms:decrypt": true,
			"transcribe:startTranscriptionJob": true, "polly:startSpeechSynthesisTask": true,
			"rdsdata:executeStatement": true, "redshiftdata:executeStatement": true, "scheduler:createSchedule": true,
		},
		synonyms: map[string][]string{
			"read": {"get"}, "fetch": {"get"}, "load": {"get"}, "write": {"put"}, "save": {"put"},
			"store": {"put"}, "insert": {"put"}, "remove": {"delete"}, "send": {"publish", "put"},
			"run": {"start", "invoke", "execute"}, "call": {"invoke"}, "trigger": {"invoke", "start"},
			"execute": {"start", "invoke"}, "upload": {"put"}, "download": {"get"}, "email": {"send"},
			"notify": {"publish"}, "emit": {"put", "publish"}, "launch": {"run", "start"},
			"find": {"query", "search", "get"}, "search": {"query", "scan"},
		},
		stopWords: map[string]bool{
			"a": true, "an": true, "the": true, "in": true, "into": true, "to": true, "of": true,
			"for": true, "on": true, "from": true, "with": true, "and": true, "my": true, "aws": true, "amazon": true,
		},
	}
	out := map[string]map[string]bool{}
	for k := range w.popularActions {
		svc, action, _ := strings.Cut(k, ":")
		if out[svc] == nil {
			out[svc] = map[string]bool{}
		}
		out[svc][action] = true
	}
	w.popularByService = out
	return w
})

// lowerWords splits a name or a query into lower-case words: at
// non-alphanumerics, between a lower-case letter and a capital, before the
// last capital of an acronym followed by a lower-case letter ("SMSAttributes"
// → sms, attributes) and after digits followed by a letter. It is a fast
// cousin of SplitWords for the search index.
func lowerWords(s string) []string {
	var out []string
	eachWord(s, func(w string) { out = append(out, strings.ToLower(w)) })
	return out
}

// eachWord calls f with each word of s as lowerWords splits it, in the
// case it has in s.
func eachWord(s string, f func(w string)) {
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			f(s[start:end])
		}
		start = -1
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnumASCII(c) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		p := s[i-1]
		switch {
		case isUpperASCII(c) && isLowerASCII(p),
			isUpperASCII(c) && isUpperASCII(p) && i+1 < len(s) && isLowerASCII(s[i+1]),
			!isDigitASCII(c) && isDigitASCII(p):
			flush(i)
			start = i
		}
	}
	flush(len(s))
}

func isDigitASCII(c byte) bool { return c >= '0' && c <= '9' }

func newSearchIndex(c *Catalog) *searchIndex {
	sw := searchWords()
	idx := &searchIndex{wordID: make(map[string]int32, 8192)}
	n := 0
	for _, s := range c.index.Services {
		n += len(s.Actions)
	}
	// One backing array for every action's words (about three each).
	words := make([]int32, 0, 3*n+len(OptimizedIntegrations)*3)
	for _, s := range c.index.Services {
		if s.Unsupported != "" {
			continue
		}
		d := &searchDoc{id: s.ID, name: s.Name, idPrefix: "aws-sdk:" + s.ID + ":", boost: sw.servicePopularity[s.ID]}
		d.tokens = uniq(append(append(append(append([]string{s.ID}, lowerWords(s.Client)...), lowerWords(s.SDKID)...), lowerWords(s.Name)...), sw.serviceAliases[s.ID]...))
		var unavailable map[string]bool
		if len(s.Unavailable) > 0 {
			unavailable = make(map[string]bool, len(s.Unavailable))
			for _, a := range s.Unavailable {
				unavailable[a] = true
			}
		}
		popular := sw.popularByService[s.ID]
		d.actions = make([]actionDoc, 0, len(s.Actions)-len(s.Unavailable))
		for _, a := range s.Actions {
			if unavailable[a] {
				continue
			}
			start := len(words)
			words = idx.internWords(words, a)
			ad := actionDoc{name: a, words: words[start:len(words):len(words)]}
			if popular[a] {
				ad.boost = 3
			}
			d.actions = append(d.actions, ad)
		}
		idx.docs = append(idx.docs, d)
	}
	byService := map[string]*searchDoc{}
	for _, o := range OptimizedIntegrations {
		prefix, action, _ := strings.Cut(o.ID, ":")
		d := byService[prefix]
		if d == nil {
			d = &searchDoc{id: prefix, name: o.Service, idPrefix: prefix + ":", optimized: true, boost: sw.servicePopularity[o.SDKService]}
			toks := append([]string{prefix}, lowerWords(prefix)...)
			toks = append(toks, lowerWords(o.Service)...)
			if o.SDKService != "" {
				toks = append(toks, o.SDKService)
				toks = append(toks, sw.serviceAliases[o.SDKService]...)
				if s, ok := c.services[o.SDKService]; ok {
					toks = append(toks, lowerWords(s.Client)...)
				}
			}
			d.tokens = uniq(toks)
			byService[prefix] = d
			idx.docs = append(idx.docs, d)
		}
		start := len(words)
		words = idx.internWords(words, action)
		d.actions = append(d.actions, actionDoc{name: action, words: words[start:len(words):len(words)]})
	}
	return idx
}

func uniq(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		s = strings.ToLower(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// queryTokens splits a query into lower-case words (camelCase, colons and
// punctuation split too) and drops filler words unless nothing else is left.
func queryTokens(q string) []string {
	all := lowerWords(q)
	var out []string
	stop := searchWords().stopWords
	for _, w := range all {
		if !stop[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// matchWord scores a query token against one word: exact, or a prefix.
func matchWord(q, w string) float64 {
	if q == w {
		return 10
	}
	if strings.HasPrefix(w, q) {
		return 5 + 4*float64(len(q))/float64(len(w))
	}
	return 0
}

// wordScore scores a query token against an action word: exact 10, a
// prefix 5–9, a synonym 7, a part of the word 3, else 0.
func wordScore(q, w string, syns []string) float64 {
	if s := matchWord(q, w); s > 0 {
		return s
	}
	for _, syn := range syns {
		if syn == w {
			return 7
		}
	}
	if len(q) >= 3 && strings.Contains(w, q) {
		return 3
	}
	return 0
}

// Search finds actions by words of their service and name, best first:
// "put item dynamo" finds dynamodb:putItem. Every query word must match
// the service (its name, client name or a common alias) or the action (one
// of its camelCase words, a prefix, a synonym or a part of one); optimized
// integrations and popular services come first among equals.
func (c *Catalog) Search(query string, limit int) []Result {
	toks := queryTokens(query)
	if len(toks) == 0 || limit == 0 {
		return nil
	}
	idx := c.search
	// Score every distinct action word once per query token; keep the
	// scores of recent tokens, as typing repeats them keystroke after
	// keystroke.
	word := make([][]float32, len(toks))
	for i, q := range toks {
		word[i] = idx.tokenScores(q)
	}
	var hits []hit
	svcScore := make([]float64, len(toks))
	for _, d := range idx.docs {
		anySvc := false
		for i, q := range toks {
			best := 0.0
			for _, t := range d.tokens {
				if s := matchWord(q, t); s > best {
					best = s
				}
			}
			svcScore[i] = best
			if best > 0 {
				anySvc = true
			}
		}
		for ai := range d.actions {
			a := &d.actions[ai]
			total, matchedAct, ok := 0.0, 0, true
			for i := range toks {
				best := 0.0
				for _, w := range a.words {
					if s := float64(word[i][w]); s > best {
						best = s
					}
				}
				if best > 0 {
					matchedAct++
				}
				if svcScore[i] > best {
					best = svcScore[i]
				}
				if best == 0 {
					ok = false
					break
				}
				total += best
			}
			if !ok || (matchedAct == 0 && !anySvc) {
				continue
			}
			// Prefer actions whose every word was asked for.
			covered := 0
			for _, w := range a.words {
				for i := range toks {
					if word[i][w] > 0 {
						covered++
						break
					}
				}
			}
			if matchedAct > 0 && covered == len(a.words) {
				total += 4
			}
			total -= 0.5 * float64(len(a.words)-covered)
			total += d.boost + a.boost
			if d.optimized {
				total += 5
			}
			hits = append(hits, hit{a: a, d: d, score: total})
		}
	}
	less := func(x, y hit) bool {
		if x.score != y.score {
			return x.score > y.score
		}
		if lx, ly := len(x.d.idPrefix)+len(x.a.name), len(y.d.idPrefix)+len(y.a.name); lx != ly {
			return lx < ly
		}
		return lessJoined(x.d.idPrefix, x.a.name, y.d.idPrefix, y.a.name)
	}
	if limit > 0 && len(hits) > 4*limit {
		// Keep the best: a threshold from a partial pass, then sort those.
		hits = topK(hits, limit, less)
	}
	sort.Slice(hits, func(i, j int) bool { return less(hits[i], hits[j]) })
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	res := make([]Result, len(hits))
	for i, h := range hits {
		id := h.d.idPrefix + h.a.name
		res[i] = Result{ID: id, Resource: ResourcePrefix + id, Service: h.d.id, ServiceName: h.d.name, Action: h.a.name, Optimized: h.d.optimized, Score: h.score}
	}
	return res
}

// lessJoined reports whether a1+a2 sorts before b1+b2, without joining them.
func lessJoined(a1, a2, b1, b2 string) bool {
	for {
		if a1 == "" {
			a1, a2 = a2, ""
		}
		if b1 == "" {
			b1, b2 = b2, ""
		}
		if a1 == "" || b1 == "" {
			return a1 == "" && b1 != ""
		}
		n := min(len(a1), len(b1))
		if a1[:n] != b1[:n] {
			return a1[:n] < b1[:n]
		}
		a1, b1 = a1[n:], b1[n:]
	}
}

type hit struct {
	a     *actionDoc
	d     *searchDoc
	score float64
}

// topK returns the k best hits (in no order) with a bounded insertion list.
func topK(hits []hit, k int, less func(x, y hit) bool) []hit {
	best := make([]hit, 0, k+1)
	for _, h := range hits {
		if len(best) == k && !less(h, best[k-1]) {
			continue
		}
		i := sort.Search(len(best), func(i int) bool { return less(h, best[i]) })
		best = append(best, hit{})
		copy(best[i+1:], best[i:])
		best[i] = h
		if len(best) > k {
			best = best[:k]
		}
	}
	return best
}
