.PHONY: run test test-quick test-host setup
setup:
	bash scripts/setup.sh
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
test-quick:
	bash scripts/test_quick.sh $(ARGS)
test-host:
	bash scripts/test_host.sh
