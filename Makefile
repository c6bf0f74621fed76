# Runwright: the two commands a new user needs are `make run` and `make test` (see README.md).
.PHONY: run run-service test build fmt clean crds validate k8s-binaries bench-service bench-operator soak-operator chart chart-docs chart-test

## Start the whole system locally (kube-apiserver + etcd, emulator, operator, seed) and print the service URL;
## Ctrl-C stops it. State in target/local (reused by the next run).
run:
	bash scripts/run.sh

## Run the JWT service alone against a local MariaDB (no Kubernetes, no emulator).
run-service:
	bash scripts/run-service.sh

## Run every test (unit, integration, end-to-end); does its own set-up on a fresh machine.
test:
	bash scripts/test.sh

## Build (once, cached under ~/.cache/runwright) kube-apiserver, etcd, kubectl and helm for the tests.
k8s-binaries:
	bash scripts/k8s-binaries.sh

## Benchmark the JWT service (start-up vs bare Helidon, throughput, latency, login, overload); a program,
## not a test. Report in service/target/bench/results.md. Knobs: BENCH_RUNS, BENCH_SECONDS, BENCH_SOAK_SECONDS.
bench-service:
	bash scripts/bench-service.sh

## Benchmark the operator (real apiserver + emulator, operator in its own JVM): convergence, Google calls
## per resync, status writes, RSS/heap, start-up, rate limit. Report and SVG charts in operator/target/bench/.
## Knobs: BENCH_SIZES (100,1000), BENCH_RATE_N (50), BENCH_STEADY_SECONDS (70), BENCH_CONCURRENCY (10).
bench-operator:
	bash scripts/bench-operator.sh

## Chaos soak of the operator (faults, SIGKILLs, concurrent spec changes); a shorter one runs in make test.
## Knobs: SOAK_SECONDS (600), SOAK_APPS (100), SOAK_FAULT_PROBABILITY (0.2), SOAK_FAILED_OPERATIONS (true), SOAK_SEED, SOAK_CONVERGENCE_SECONDS (300).
soak-operator:
	BENCH_MAIN=dev.runwright.operator.bench.OperatorChaosSoak bash scripts/bench-operator.sh operator/target/soak

## Assemble the operator's Helm chart with the generated CRDs, lint it and package it into helm/target/.
chart:
	bash scripts/chart.sh

## Regenerate the values table of helm/runwright/README.md from the comments in values.yaml.
chart-docs:
	bash -c 'source scripts/java-env.sh && ./mvnw -q -pl helm test -Dtest=ChartReadmeTest -Drunwright.chart.updateReadme=true'

## The chart's tests: lint, template, server-side dry run, RBAC, and the end-to-end tests (real apiserver).
chart-test:
	bash -c 'source scripts/java-env.sh && ./mvnw -pl helm -am verify -Dtest=ChartReadmeTest -Dit.test="Chart*IT,*E2E" -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false'

## Compile and package without tests.
build:
	bash -c 'source scripts/java-env.sh && ./mvnw -DskipTests package'

## Apply the automatic Java formatting (the build fails on unformatted code).
fmt:
	bash -c 'source scripts/java-env.sh && ./mvnw spotless:apply'

## Regenerate crds/ from the Java CR model (operator-api); the build fails while crds/ is stale.
crds:
	bash -c 'source scripts/java-env.sh && ./mvnw -q -pl operator-api -DskipTests package'
	cp operator-api/target/classes/META-INF/fabric8/*-v1.yml crds/

## Validate Runwright CR files offline (schema, CEL rules, references), e.g. in CI:
##   make validate FILES=examples/            (FILES: files, directories or - for stdin)
##   make validate FILES=deploy/ ARGS="--output json --allow-missing-refs"
FILES ?= examples/
validate:
	@RUNWRIGHT_CALLER_DIR="$(CURDIR)" bash scripts/validate.sh $(ARGS) $(FILES)

## Remove build output and local state (databases, logs).
clean:
	-bash scripts/mariadb.sh stop target/mariadb
	-bash scripts/mariadb.sh stop target/local/mariadb
	bash -c 'source scripts/java-env.sh && ./mvnw -q clean' || true
	rm -rf target
