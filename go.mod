module github.com/aslstudio/aslstudio

go 1.26

require (
	github.com/andybalholm/brotli v1.2.0
	github.com/blues/jsonata-go v1.5.4
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/maxence-charriere/go-app/v9 v9.8.0
	github.com/ohler55/ojg v1.28.5
	github.com/syumai/workers v0.32.0
	go.yaml.in/yaml/v3 v3.0.6
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/google/uuid v1.3.0 // indirect
)
