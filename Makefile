# The two commands a newcomer needs, and the benchmark.
.PHONY: run test bench

# Builds and starts the server at http://127.0.0.1:8080 on resilience.sqlite with demo data.
run:
	swift run resilience serve --demo

# Every test: core and app on SQLite, app on PostgreSQL, browser and API contract.
test:
	scripts/test.sh

# Generates an organization at UN scale and measures the main pages and lists with wrk.
bench:
	scripts/bench.sh
